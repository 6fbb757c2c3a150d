package dev.microscope.operator.kube;

import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import java.lang.ref.WeakReference;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Keeps the {@code metadata.managedFields} of cached objects small. The API server gives every
 * object one entry per field manager, each a tree of maps naming every field that manager set: with
 * a hundred fleets those trees were most of the operator's heap, and all fleets' trees are the same
 * but for a few names and uids.
 *
 * <p>Only {@code Apply} entries are kept (the server-side apply matcher of the dependent resources
 * reads the operator's own; {@code Update} entries, such as the controller manager's status writes,
 * are read by nothing here). Each tree is rebuilt as small immutable maps that keep their order,
 * and equal subtrees are shared between objects, so a hundred fleets hold about one tree per kind
 * of object.
 */
final class CompactFields {
  private static final String APPLY = "Apply";

  /** Canonical subtrees; an entry goes when no cached object refers to its tree any more. */
  private static final Map<Node, WeakReference<Node>> CANONICAL = new WeakHashMap<>();

  private CompactFields() {}

  /** Compacts {@code object}'s managed fields in place; answers the object. */
  static <T extends HasMetadata> T compact(T object) {
    var metadata = object == null ? null : object.getMetadata();
    if (metadata == null || metadata.getManagedFields() == null) {
      return object;
    }
    List<ManagedFieldsEntry> kept = new ArrayList<>(1);
    for (var entry : metadata.getManagedFields()) {
      if (!APPLY.equals(entry.getOperation())) {
        continue;
      }
      var fields = entry.getFieldsV1();
      if (fields != null && !(fields.getAdditionalProperties() instanceof Node)) {
        var compacted = new FieldsV1();
        compacted.setAdditionalProperties(tree(fields.getAdditionalProperties()));
        entry.setFieldsV1(compacted);
      }
      kept.add(entry);
    }
    metadata.setManagedFields(kept);
    return object;
  }

  /** A map of field names to subtrees ({@code {}} for a leaf) as shared immutable nodes. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> tree(Map<String, Object> map) {
    if (map.isEmpty()) {
      return Map.of();
    }
    var keys = new String[map.size()];
    var values = new Object[map.size()];
    int i = 0;
    for (var e : map.entrySet()) {
      keys[i] = e.getKey();
      values[i] =
          e.getValue() instanceof Map<?, ?> m ? tree((Map<String, Object>) m) : e.getValue();
      i++;
    }
    return canonical(new Node(keys, values));
  }

  private static Node canonical(Node node) {
    synchronized (CANONICAL) {
      var known = CANONICAL.get(node);
      var existing = known == null ? null : known.get();
      if (existing != null) {
        return existing;
      }
      CANONICAL.put(node, new WeakReference<>(node));
      return node;
    }
  }

  /** Canonical subtrees held now (for tests). */
  static int canonicalCount() {
    synchronized (CANONICAL) {
      return CANONICAL.size();
    }
  }

  /** An immutable map in insertion order over two arrays, with its hash computed once. */
  static final class Node extends AbstractMap<String, Object> {
    private final String[] keys;
    private final Object[] values;
    private final int hash;

    Node(String[] keys, Object[] values) {
      this.keys = keys;
      this.values = values;
      int h = 0;
      for (int i = 0; i < keys.length; i++) {
        h += keys[i].hashCode() ^ (values[i] == null ? 0 : values[i].hashCode());
      }
      this.hash = h;
    }

    @Override
    public int size() {
      return keys.length;
    }

    @Override
    public Object get(Object key) {
      for (int i = 0; i < keys.length; i++) {
        if (keys[i].equals(key)) {
          return values[i];
        }
      }
      return null;
    }

    @Override
    public boolean containsKey(Object key) {
      for (String k : keys) {
        if (k.equals(key)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      if (o == this) {
        return true;
      }
      if (o instanceof Node other && (hash != other.hash || keys.length != other.keys.length)) {
        return false;
      }
      return super.equals(o);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public int size() {
          return keys.length;
        }

        @Override
        public Iterator<Entry<String, Object>> iterator() {
          return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
              return next < keys.length;
            }

            @Override
            public Entry<String, Object> next() {
              if (next >= keys.length) {
                throw new NoSuchElementException();
              }
              int i = next++;
              return new SimpleImmutableEntry<>(keys[i], values[i]);
            }
          };
        }
      };
    }
  }
}
