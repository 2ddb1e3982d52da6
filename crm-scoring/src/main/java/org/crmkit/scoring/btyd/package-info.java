/**
 * Probabilistic "buy till you die" customer-base models: fitting, prediction,
 * simulation and persistence.
 *
 * <p>Entry points: {@link org.crmkit.scoring.btyd.BtydData} (model input),
 * {@link org.crmkit.scoring.btyd.BtydFitter} (maximum likelihood with diagnostics,
 * {@link org.crmkit.scoring.btyd.FitResult}), the models
 * {@link org.crmkit.scoring.btyd.BgNbd}, {@link org.crmkit.scoring.btyd.MbgNbd},
 * {@link org.crmkit.scoring.btyd.ParetoNbd}, {@link org.crmkit.scoring.btyd.BgBb} (discrete
 * opportunities) and {@link org.crmkit.scoring.btyd.GammaGamma}, their prediction interfaces
 * {@link org.crmkit.scoring.btyd.PurchaseModel} and
 * {@link org.crmkit.scoring.btyd.SpendModel}, JSON persistence in
 * {@link org.crmkit.scoring.btyd.BtydModelJson}, and the plug-in point
 * {@link org.crmkit.scoring.btyd.BtydModel} with its registry
 * {@link org.crmkit.scoring.btyd.BtydModels}. Time-invariant covariates for the Pareto/NBD and
 * BG/NBD: {@link org.crmkit.scoring.btyd.CovariateDesign} (numeric and one-hot categorical
 * covariates), {@link org.crmkit.scoring.btyd.CovariateData}, {@link org.crmkit.scoring.btyd.CovariateFitter}
 * ({@link org.crmkit.scoring.btyd.CovariateFit}) and {@link org.crmkit.scoring.btyd.CovariateModel}.
 */
package org.crmkit.scoring.btyd;
