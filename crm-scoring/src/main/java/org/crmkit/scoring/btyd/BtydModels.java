package org.crmkit.scoring.btyd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The registry of buy-till-you-die models by name: the built-in BG/NBD, MBG/NBD and
 * Gamma-Gamma, plus every {@link BtydModel} registered as a service provider (module
 * {@code provides} or {@code META-INF/services/org.crmkit.scoring.btyd.BtydModel}).
 *
 * <pre>{@code
 * BtydModel<?> model = BtydModels.require("bg-nbd");
 * FitResult<?> fit = BtydFitter.standard().fit(model, data);
 * }</pre>
 *
 * <p>Thread-safe: each call consults the service loader afresh.
 */
public final class BtydModels {

    private BtydModels() {
    }

    /**
     * Returns every known model, built-ins first, by name.
     *
     * @return an unmodifiable list with unique names, never null
     */
    public static List<BtydModel<?>> all() {
        Map<String, BtydModel<?>> byName = new LinkedHashMap<>();
        byName.put(BgNbd.NAME, BgNbd.model());
        byName.put(MbgNbd.NAME, MbgNbd.model());
        byName.put(GammaGamma.NAME, GammaGamma.model());
        for (BtydModel<?> m : load()) {
            byName.putIfAbsent(m.name(), m);
        }
        return List.copyOf(byName.values());
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static List<BtydModel<?>> load() {
        List<BtydModel<?>> found = new ArrayList<>();
        ServiceLoader<BtydModel> loader = ServiceLoader.load(BtydModel.class);
        for (BtydModel m : loader) {
            found.add(m);
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
                + name + "'; known models: " + all().stream().map(BtydModel::name).toList()));
    }
}
