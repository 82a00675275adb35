package org.promiseledger.metrics;

import org.promiseledger.kernel.CodePoints;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The department tree of a run: parents, children and subtrees, ids in code-point order. */
public final class OrgChart {

    private final Map<String, String> parentById;
    private final Map<String, List<String>> childrenById = new TreeMap<>(CodePoints.ORDER);

    /** @param parentById every department id with its parent id (null for a top department); must be acyclic */
    public OrgChart(Map<String, String> parentById) {
        this.parentById = new TreeMap<>(CodePoints.ORDER);
        this.parentById.putAll(parentById);
        this.parentById.keySet().forEach(id -> childrenById.put(id, new ArrayList<>()));
        this.parentById.forEach((id, parent) -> {
            if (parent != null && childrenById.containsKey(parent)) {
                childrenById.get(parent).add(id);
            }
        });
    }

    public List<String> departments() {
        return List.copyOf(parentById.keySet());
    }

    public Optional<String> parentOf(String departmentId) {
        return Optional.ofNullable(parentById.get(departmentId));
    }

    /** The department and all its descendants, in code-point order. */
    public List<String> subtree(String departmentId) {
        List<String> members = new ArrayList<>();
        Deque<String> todo = new ArrayDeque<>(List.of(departmentId));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            members.add(id);
            todo.addAll(childrenById.getOrDefault(id, List.of()));
        }
        members.sort(CodePoints.ORDER);
        return members;
    }

    /** The department itself and every department above it: the subtrees that contain its touchpoints. */
    public List<String> selfAndAncestors(String departmentId) {
        List<String> chain = new ArrayList<>();
        for (String id = departmentId; id != null && !chain.contains(id); id = parentById.get(id)) {
            chain.add(id);
        }
        return chain;
    }
}
