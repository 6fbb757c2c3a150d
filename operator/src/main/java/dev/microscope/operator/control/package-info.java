/**
 * The control loop's brain: pure Java, no Kubernetes, no HTTP, no clock. {@link
 * dev.microscope.operator.control.ControlLoop#decide} takes the fleet's policy, one poll's signals,
 * the observed fleet, the memory from the status and the time, and returns decisions, the new
 * memory, a summary and the chaos plan.
 *
 * <p>Decisions made here, once:
 *
 * <ul>
 *   <li>Every signal is a value, no data, or a failure. No data is neither zero nor an error; a NaN
 *       from Prometheus is no data; +Inf is a value (a memory that never reaches its limit).
 *       Built-in policies never act on what they do not know; user rules say what no data and
 *       failures mean to them.
 *   <li>DryRun computes and remembers exactly what Enforce would (cooldowns and budgets included)
 *       and applies nothing. Observe computes signals and classifications only, and no chaos.
 *   <li>Pause and safe mode take chaos to zero at once and hold everything else; aborting chaos and
 *       the safe-mode notices are never held back.
 *   <li>Everything that must survive an operator restart is in {@link
 *       dev.microscope.operator.control.ControlMemory}, with bounded sizes and finite numbers.
 *   <li>Decision and classification values are text (e.g. {@code 0.25}, {@code +Inf}, {@code no
 *       data (...)}), so they pass through JSON and read as they were.
 * </ul>
 */
package dev.microscope.operator.control;
