/**
 * Lifecycle state machines: the relationship lifecycle, the status pipeline and funnels, generic
 * over the subject (a customer) and a context.
 *
 * <p>Entry points:
 * <ul>
 *   <li>{@link org.crmkit.core.lifecycle.Lifecycle}: a validated definition, built with
 *       {@link org.crmkit.core.lifecycle.Lifecycle#builder(String)} or read with
 *       {@link org.crmkit.core.lifecycle.LifecycleJson}; {@code decide} fires an event on a
 *       {@link org.crmkit.core.lifecycle.LifecycleRecord} and returns an
 *       {@link org.crmkit.core.lifecycle.Outcome}; {@code toMermaid} / {@code toDot} draw it.</li>
 *   <li>{@link org.crmkit.core.lifecycle.LifecycleTracker}: the records of many subjects in memory
 *       with optimistic versioning; signal-driven ({@code applySignals}) and time-driven
 *       ({@code advance}) moves by a {@link org.crmkit.core.lifecycle.LifecyclePolicy} of
 *       {@link org.crmkit.core.lifecycle.Rule}s, each move explained by its
 *       {@link org.crmkit.core.lifecycle.Evidence}.</li>
 *   <li>{@link org.crmkit.core.lifecycle.StandardLifecycles}: the built-in lifecycles.</li>
 *   <li>{@link org.crmkit.core.lifecycle.SegmentGuards}: segmentation rules
 *       ({@link org.crmkit.core.segment.CompiledRule}) as transition guards.</li>
 *   <li>{@link org.crmkit.core.lifecycle.CustomerLifecycles} and
 *       {@link org.crmkit.core.lifecycle.CustomerHistory}: lifecycles of customers of the core
 *       model, keyed by customer id and moved by their purchase activities.</li>
 * </ul>
 */
package org.crmkit.core.lifecycle;
