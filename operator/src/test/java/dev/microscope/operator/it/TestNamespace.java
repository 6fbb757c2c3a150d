package dev.microscope.operator.it;

/** The namespace {@link RealCluster} made for the current test; deleted after it. */
record TestNamespace(String name) {}
