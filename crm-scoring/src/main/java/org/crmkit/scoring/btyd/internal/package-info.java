/**
 * Implementation of the built-in buy-till-you-die models, not exported: the service
 * providers ({@code BgNbdModel}, {@code MbgNbdModel}, {@code GammaGammaModel},
 * {@code ParetoNbdModel}, {@code BgBbModel}), the likelihoods and their shared weighted,
 * chunked sum ({@code LikelihoodSum}), the prediction formulas ({@code BetaGeometricNbd},
 * {@code ParetoNbdFormulas}, {@code BgBbFormulas}), the special functions and integrals
 * ({@code Hypergeometric}, {@code HypergeometricContinuedFraction},
 * {@code LogConcaveQuadrature}, {@code BetaMixture}), simulation ({@code BtydSimulations})
 * and the optimisers ({@code Optimizers}). The entry points are in
 * {@link org.crmkit.scoring.btyd}.
 */
package org.crmkit.scoring.btyd.internal;
