/**
 * Constraints mode: how a fleet, its traffic generator and the operator fit one memory budget and
 * CPU quota. Pure: no Kubernetes, no I/O, so the Kubernetes and the local runtime size alike.
 */
package dev.microscope.operator.constraints;
