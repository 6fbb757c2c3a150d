package dev.microscope.worker;

/** What a crash fault does. */
public enum CrashMode {
  /** The process dies at once with {@link #EXIT_CODE}, as a panicking service would. */
  EXIT,
  /** Only the crashed virtual worker goes down for a moment and comes back fresh. */
  VIRTUAL;

  /** Exit status of a crash, distinct from a clean stop (0) and bad flags (2). */
  public static final int EXIT_CODE = 70;
}
