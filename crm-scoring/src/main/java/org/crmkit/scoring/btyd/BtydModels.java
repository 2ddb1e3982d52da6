package org.crmkit.scoring.btyd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The registry of buy-till-you-die models by name. Every model, built-in or not, is
 * registered one way: as a {@link java.util.ServiceLoader} provider of {@link BtydModel}
 * (module {@code provides}, and {@code META-INF/services/org.crmkit.scoring.btyd.BtydModel}
 * for the class path). The six built-in models are:
 *
 * <table>
 * <caption>Built-in models</caption>
 * <tr><th>name</th><th>model</th><th>parameters</th></tr>
 * <tr><td>{@code bg-nbd}</td><td>{@link BgNbd}</td><td>r, alpha, a, b</td></tr>
 * <tr><td>{@code mbg-nbd}</td><td>{@link MbgNbd}</td><td>r, alpha, a, b</td></tr>
 * <tr><td>{@code gamma-gamma}</td><td>{@link GammaGamma} (spend)</td><td>p, q, v</td></tr>
 * <tr><td>{@code pareto-nbd}</td><td>{@link ParetoNbd}</td><td>r, alpha, s, beta</td></tr>
 * <tr><td>{@code bg-bb}</td><td>{@link BgBb} (discrete opportunities)</td><td>alpha, beta, gamma, delta</td></tr>
 * <tr><td>{@code ggompertz-nbd}</td><td>{@link GGompertzNbd}</td><td>r, alpha, b, s, beta</td></tr>
 * </table>
 *
 * <pre>{@code
 * BtydModel<?> model = BtydModels.require("bg-nbd");
 * FitResult<?> fit = BtydFitter.standard().fit(model, data);
 * List<String> names = BtydModels.names();   // [bg-nbd, mbg-nbd, gamma-gamma, pareto-nbd, bg-bb, ...]
 * }</pre>
 *
 * <p>Thread-safe: each call consults the service loader afresh.
 */
public final class BtydModels {

    private BtydModels() {
    }

    /**
     * Returns every registered model: the built-ins first in the order above, then the
     * others in service-loader order; a name registered twice keeps its first model.
     *
     * @return an unmodifiable list with unique names, never null
     */
    public static List<BtydModel<?>> all() {
        Map<String, BtydModel<?>> builtIn = new LinkedHashMap<>();
        Map<String, BtydModel<?>> others = new LinkedHashMap<>();
        Module here = BtydModels.class.getModule();
        for (BtydModel<?> m : load()) {
            boolean ours = here.isNamed() ? m.getClass().getModule() == here
                    : m.getClass().getPackageName().startsWith("org.crmkit.scoring.btyd");
            if (!builtIn.containsKey(m.name())) {
                (ours ? builtIn : others).putIfAbsent(m.name(), m);
            }
        }
        others.keySet().removeAll(builtIn.keySet());
        List<BtydModel<?>> all = new ArrayList<>(builtIn.values());
        all.addAll(others.values());
        return List.copyOf(all);
    }

    /**
     * Returns the names of {@link #all()}, for listing the choices to a user.
     *
     * @return an unmodifiable list of names, never null
     */
    public static List<String> names() {
        return all().stream().<String>map(BtydModel::name).toList();
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static List<BtydModel<?>> load() {
        List<BtydModel<?>> found = new ArrayList<>();
        ServiceLoader<BtydModel> loader = ServiceLoader.load(BtydModel.class, BtydModels.class.getClassLoader());
        for (BtydModel m : loader) {
            found.add(m);
        }
        if (BtydModels.class.getClassLoader() != Thread.currentThread().getContextClassLoader()) {
            for (BtydModel m : ServiceLoader.load(BtydModel.class)) {
                found.add(m);
            }
        }
        return found;
    }

    /**
     * Returns the model with the given name.
     *
     * @param name the model name, e.g. {@code pareto-nbd}, not null
     * @return the model, or empty if none has that name
     */
    public static Optional<BtydModel<?>> byName(String name) {
        Objects.requireNonNull(name, "name");
        return all().stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /**
     * Returns the model with the given name or fails naming the known ones.
     *
     * @param name the model name, not null
     * @return the model, never null
     * @throws IllegalArgumentException if no model has that name
     */
    public static BtydModel<?> require(String name) {
        return byName(name).orElseThrow(() -> new IllegalArgumentException("unknown model '"
                + name + "'; known models: " + names()));
    }
}
