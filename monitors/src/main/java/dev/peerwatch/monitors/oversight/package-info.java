/**
 * The behaviour model's monitor side, as pure functions of their inputs and keyed uniforms: how a
 * monitor perceives evidence ({@link dev.peerwatch.monitors.oversight.Perceiver}), what it reports
 * and why ({@link dev.peerwatch.monitors.oversight.ReportDecision}), how an ensemble decides
 * ({@link dev.peerwatch.monitors.oversight.Quorum}), how a meta-monitor or the level above reviews
 * reports ({@link dev.peerwatch.monitors.oversight.Review}, {@link
 * dev.peerwatch.monitors.oversight.HierarchyReview}), and how humans spend an audit budget ({@link
 * dev.peerwatch.monitors.oversight.AuditTargeting}, {@link
 * dev.peerwatch.monitors.oversight.HumanAudit}).
 */
package dev.peerwatch.monitors.oversight;
