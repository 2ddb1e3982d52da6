package org.crmkit.scoring.btyd.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.btyd.BtydModel;
import org.crmkit.scoring.btyd.BtydModelJson;
import org.crmkit.scoring.btyd.BtydModels;
import org.crmkit.scoring.btyd.FittedModel;
import org.crmkit.scoring.btyd.StoredModel;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link BtydModel} must meet, for the built-in models and for models that
 * researchers add through the {@link java.util.ServiceLoader} SPI: the analytic gradient matches
 * central differences, weights equal repeated rows, starting points lie inside the bounds,
 * parameters round-trip by name and through {@link BtydModelJson}, bad parameters are rejected
 * with a message naming them, and {@link BtydModels} finds the model by its name.
 *
 * <p>Published in crm-scoring's test jar ({@code <classifier>tests</classifier>}, automatic module
 * {@code org.crmkit.scoring.contract}); a plug-in's test extends it and supplies the model, a small
 * data set and a few parameter points:
 *
 * <pre>{@code
 * class MyModelContractTest extends BtydModelContractTest<MyFitted> {
 *     protected BtydModel<MyFitted> model() { return new MyModel(); }
 *     protected BtydData data() { return BtydData.of(x, tx, t); }
 *     protected List<double[]> parameterPoints() { return List.of(new double[] {0.5, 2}); }
 * }
 * }</pre>
 *
 * The model must be registered as a service provider (module-info {@code provides} or
 * {@code META-INF/services/org.crmkit.scoring.btyd.BtydModel}) for the registry test to pass.
 * crmkit-consumer-test's {@code PoissonRateContractTest} is a complete example.
 *
 * @param <F> the fitted model type
 */
public abstract class BtydModelContractTest<F extends FittedModel> {

    /**
     * Returns the model under test.
     *
     * @return the model, not null
     */
    protected abstract BtydModel<F> model();

    /**
     * Returns data the model can be evaluated on (no need to be large).
     *
     * @return the data, not null, at least one row
     */
    protected abstract BtydData data();

    /**
     * Returns parameter points, inside the bounds, where the gradient is checked; the first is
     * also used for the round trips.
     *
     * @return the points, not empty
     */
    protected abstract List<double[]> parameterPoints();

    @Test
    public void logLikelihood_gradient_matchesCentralDifferences() {
        BtydModel<F> model = model();
        BtydData data = data();
        for (double[] p : parameterPoints()) {
            double[] gradient = new double[p.length];
            double ll = model.logLikelihood(p, data, gradient);
            assertThat(ll).isFinite();
            for (int i = 0; i < p.length; i++) {
                double h = 1e-6 * Math.max(1e-3, Math.abs(p[i]));
                double[] up = p.clone();
                double[] down = p.clone();
                up[i] += h;
                down[i] -= h;
                double numeric = (model.logLikelihood(up, data, null)
                        - model.logLikelihood(down, data, null)) / (2 * h);
                assertThat(gradient[i])
                        .as("d LL / d %s at %s", model.parameterNames().get(i), java.util.Arrays.toString(p))
                        .isCloseTo(numeric, within(1e-5 * Math.max(1, Math.abs(numeric))));
            }
        }
    }

    @Test
    public void logLikelihood_weights_equalRepeatedRows() {
        BtydData data = data();
        int n = data.size();
        double[] x = new double[2 * n];
        double[] tx = new double[2 * n];
        double[] t = new double[2 * n];
        double[] m = new double[2 * n];
        double[] w = new double[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            w[i] = data.weight(i % n);
            x[i] = data.frequency(i % n);
            tx[i] = data.recency(i % n);
            t[i] = data.age(i % n);
            m[i] = data.monetary(i % n);
        }
        BtydData doubled = data.hasMonetary() ? BtydData.withMonetary(x, tx, t, m, w) : BtydData.of(x, tx, t, w);
        double[] p = parameterPoints().get(0);
        assertThat(model().logLikelihood(p, doubled, null))
                .isCloseTo(2 * model().logLikelihood(p, data, null), within(1e-8 * Math.abs(model().logLikelihood(p, data, null))));
    }

    @Test
    public void startingPoints_areInsideBoundsWithFiniteLikelihood() {
        List<double[]> starts = model().startingPoints(data());
        assertThat(starts).isNotEmpty();
        for (double[] s : starts) {
            assertThat(s).hasSize(model().parameterNames().size());
            for (int i = 0; i < s.length; i++) {
                assertThat(model().transforms().get(i).contains(s[i])).isTrue();
            }
        }
    }

    @Test
    public void withParameters_byName_roundTrips() {
        double[] p = parameterPoints().get(0);
        Map<String, Double> byName = new HashMap<>();
        for (int i = 0; i < p.length; i++) {
            byName.put(model().parameterNames().get(i), p[i]);
        }
        F fitted = model().withParameters(byName);
        assertThat(fitted.modelName()).isEqualTo(model().name());
        assertThat(fitted.parameters().keySet()).containsExactlyElementsOf(model().parameterNames());
        assertThat(fitted.parameters().values()).containsExactly(java.util.Arrays.stream(p).boxed().toArray(Double[]::new));
    }

    @Test
    public void withParameters_missingOrUnknownName_isRejected() {
        assertThatThrownBy(() -> model().withParameters(Map.of("nonsense", 1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nonsense");
        assertThatThrownBy(() -> model().withParameters(Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing");
    }

    @Test
    public void withParameters_outOfBounds_isRejected() {
        double[] p = parameterPoints().get(0).clone();
        p[0] = -1;
        assertThatThrownBy(() -> model().withParameters(p)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    @Test
    public void json_roundTrip_givesEqualModel() {
        F fitted = model().withParameters(parameterPoints().get(0));
        String json = BtydModelJson.write(fitted, "weeks");
        StoredModel stored = BtydModelJson.read(json);
        assertThat(stored.as(model())).isEqualTo(fitted);
        assertThat(stored.toModel()).isEqualTo(fitted);
        assertThat(stored.timeUnit()).contains("weeks");
    }

    @Test
    public void registry_findsModelByName() {
        assertThat(BtydModels.byName(model().name())).isPresent();
        assertThat(BtydModels.require(model().name()).parameterNames()).isEqualTo(model().parameterNames());
    }
}
