package dev.microscope.operator.control;

/** Base fault parameters as in the contract's example: what a worker gets at level 1. */
final class TestFaults {
  static final FaultSet BASE =
      new FaultSet(
          new FaultSet.Latency(0.5, "uniform", 100, 800),
          new FaultSet.Errors(0.2, 500, new FaultSet.Burst(60, 10, 0.9)),
          new FaultSet.MemoryLeak(1_048_576, 128 * TestFleet.MIB),
          new FaultSet.Cpu(1.0, 0.5, 30),
          new FaultSet.Crash(0.5),
          new FaultSet.Lies(true, 0.1, false, 3.0),
          new FaultSet.Cardinality(50, 5000));

  private TestFaults() {}
}
