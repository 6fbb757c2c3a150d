package dev.microscope.chaos;

import java.util.List;
import java.util.Optional;

/** The workers of this process, for the chaos admin API. */
public interface ChaosTargets {
  List<? extends ChaosTarget> all();

  Optional<? extends ChaosTarget> find(String id);
}
