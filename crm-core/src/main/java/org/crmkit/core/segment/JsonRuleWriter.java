package org.crmkit.core.segment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Writes rules and segmentations as JSON trees in the format {@link RuleJson} reads. Stateless. */
final class JsonRuleWriter {

    private JsonRuleWriter() {
    }

    static ObjectNode segmentation(JsonNodeFactory f, Segmentation s) {
        ObjectNode n = f.objectNode();
        n.put("segmentation", s.name());
        n.put("mode", s.mode().jsonName());
        n.put("default", s.defaultSegment());
        if (!s.attributes().isEmpty()) {
            ArrayNode attrs = n.putArray("attributes");
            for (Attribute a : s.attributes()) {
                ObjectNode an = attrs.addObject();
                an.put("name", a.name());
                an.put("type", a.type().jsonName());
                if (!a.values().isEmpty()) {
                    strings(an.putArray("values"), a.values());
                }
                if (!a.description().isEmpty()) {
                    an.put("description", a.description());
                }
            }
        }
        ArrayNode segs = n.putArray("segments");
        for (Segment seg : s.segments()) {
            ObjectNode sn = segs.addObject();
            sn.put("name", seg.name());
            if (!seg.description().isEmpty()) {
                sn.put("description", seg.description());
            }
            sn.set("rule", rule(f, seg.rule()));
        }
        return n;
    }

    static ObjectNode rule(JsonNodeFactory f, Rule r) {
        ObjectNode n = f.objectNode();
        if (r instanceof Rule.All all) {
            ArrayNode a = n.putArray("all");
            all.rules().forEach(k -> a.add(rule(f, k)));
        } else if (r instanceof Rule.Any any) {
            ArrayNode a = n.putArray("any");
            any.rules().forEach(k -> a.add(rule(f, k)));
        } else if (r instanceof Rule.Not not) {
            n.set("not", rule(f, not.rule()));
        } else {
            Rule.Compare c = (Rule.Compare) r;
            if (c.operand() instanceof Operand.AttributeRef ref) {
                n.put("attribute", ref.name());
            } else {
                Operand.Aggregate g = (Operand.Aggregate) c.operand();
                ObjectNode gn = n.putObject("aggregate");
                gn.put("function", g.function().jsonName());
                gn.put("of", g.source().jsonName());
                gn.put("days", g.days());
                if (!g.products().isEmpty()) {
                    strings(gn.putArray("products"), g.products());
                }
                if (!g.categories().isEmpty()) {
                    strings(gn.putArray("categories"), g.categories());
                }
                if (!g.channels().isEmpty()) {
                    strings(gn.putArray("channels"), g.channels());
                }
            }
            n.put("op", c.operator().symbol());
            if (c.operator().maxValues() == 1) {
                literal(n, "value", c.values().get(0));
            } else if (c.operator().maxValues() > 1) {
                ArrayNode a = n.putArray("values");
                for (Literal l : c.values()) {
                    add(a, l);
                }
            }
        }
        return n;
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }

    private static void literal(ObjectNode n, String key, Literal l) {
        ArrayNode tmp = n.arrayNode();
        add(tmp, l);
        n.set(key, tmp.get(0));
    }

    private static void add(ArrayNode a, Literal l) {
        if (l instanceof Literal.Number num) {
            double v = num.value();
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                a.add((long) v);
            } else {
                a.add(v);
            }
        } else if (l instanceof Literal.Text t) {
            a.add(t.value());
        } else if (l instanceof Literal.Flag b) {
            a.add(b.value());
        } else {
            a.add(((Literal.Day) l).value().toString());
        }
    }
}
