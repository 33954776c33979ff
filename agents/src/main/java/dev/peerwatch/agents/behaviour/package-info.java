/**
 * The behaviour model's agent side, as pure functions of their inputs and keyed uniforms: graded
 * task outcomes ({@link dev.peerwatch.agents.behaviour.Evidence}), trust that forms from joint
 * tasks and observed work ({@link dev.peerwatch.agents.behaviour.TrustDynamics}, {@link
 * dev.peerwatch.agents.behaviour.Disposition}), the belief of being watched ({@link
 * dev.peerwatch.agents.behaviour.Watch}) and what executors, maintainers and targets do ({@link
 * dev.peerwatch.agents.behaviour.ActDecisions}). What monitors perceive and report lives in {@code
 * dev.peerwatch.monitors.oversight}.
 */
package dev.peerwatch.agents.behaviour;
