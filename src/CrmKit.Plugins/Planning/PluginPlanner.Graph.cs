using CrmKit.Plugins.Manifest;

namespace CrmKit.Plugins.Planning;

public static partial class PluginPlanner
{
    /// <summary>Finds every plugin on a dependency cycle (Tarjan's strongly connected components) and names a cycle through it.</summary>
    private static List<BlockedPlugin> FindCycles(List<PluginManifest> plugins)
    {
        var byId = plugins.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var edges = plugins.ToDictionary(
            p => p.Id,
            p => p.Dependencies.Select(d => d.Id).Where(byId.ContainsKey).Order(StringComparer.Ordinal).ToList(),
            StringComparer.Ordinal);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var lowLink = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<BlockedPlugin>();

        foreach (var id in byId.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(id))
            {
                Connect(id);
            }
        }

        return problems;

        void Connect(string id)
        {
            index[id] = lowLink[id] = index.Count;
            stack.Push(id);
            onStack.Add(id);
            foreach (var next in edges[id])
            {
                if (!index.TryGetValue(next, out var nextIndex))
                {
                    Connect(next);
                    lowLink[id] = Math.Min(lowLink[id], lowLink[next]);
                }
                else if (onStack.Contains(next))
                {
                    lowLink[id] = Math.Min(lowLink[id], nextIndex);
                }
            }

            if (lowLink[id] != index[id])
            {
                return;
            }

            var component = new HashSet<string>(StringComparer.Ordinal);
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            }
            while (member != id);

            if (component.Count > 1)
            {
                foreach (var cycleMember in component.Order(StringComparer.Ordinal))
                {
                    var path = CyclePath(cycleMember, component, edges);
                    var plugin = byId[cycleMember];
                    problems.Add(Blocked(plugin, PluginErrorCodes.DependencyCycle, PluginMessages.DependencyCycle(plugin, path)));
                }
            }
        }
    }

    /// <summary>The shortest dependency path from <paramref name="start"/> back to itself inside one strongly connected component.</summary>
    private static List<string> CyclePath(string start, HashSet<string> component, Dictionary<string, List<string>> edges)
    {
        var previous = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            foreach (var next in edges[current].Where(component.Contains))
            {
                if (next == start)
                {
                    var path = new List<string> { start };
                    for (var step = current; step != start; step = previous[step])
                    {
                        path.Add(step);
                    }

                    path.Add(start);
                    path.Reverse();
                    return path;
                }

                if (previous.TryAdd(next, current))
                {
                    queue.Enqueue(next);
                }
            }
        }

        // Unreachable: every member of a strongly connected component with two or more members lies on a cycle.
        return [start, start];
    }

    /// <summary>Orders acyclic plugins dependencies first, taking the smallest ready id each time (Kahn's algorithm).</summary>
    private static List<PluginManifest> TopologicalOrder(List<PluginManifest> plugins)
    {
        var byId = plugins.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var waitingOn = new Dictionary<string, int>(StringComparer.Ordinal);
        var dependents = byId.Keys.ToDictionary(id => id, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var plugin in plugins)
        {
            var present = plugin.Dependencies.Select(d => d.Id).Where(byId.ContainsKey).ToList();
            waitingOn[plugin.Id] = present.Count;
            foreach (var dependency in present)
            {
                dependents[dependency].Add(plugin.Id);
            }
        }

        var ready = new SortedSet<string>(waitingOn.Where(w => w.Value == 0).Select(w => w.Key), StringComparer.Ordinal);
        var order = new List<PluginManifest>(plugins.Count);
        while (ready.Count > 0)
        {
            var id = ready.Min!;
            ready.Remove(id);
            order.Add(byId[id]);
            foreach (var dependent in dependents[id])
            {
                if (--waitingOn[dependent] == 0)
                {
                    ready.Add(dependent);
                }
            }
        }

        return order;
    }
}
