using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace CrmKit.Plugins.Egrul.Lookup;

/// <summary>
/// DaData's answers by query, KPP and branch type, for the configured time (<c>cacheMinutes</c>; 0 turns it off) and
/// up to <c>cacheMaxEntries</c> answers. Answers are kept as JSON text, so every hit maps fresh objects that callers may
/// change. "Not found" answers are cached too. A lookup with <c>BypassCache</c> (refresh) replaces the entry.
/// </summary>
internal sealed class RegistryCache(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public bool TryGet(string key, out JsonArray suggestions)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            if (entry.Expires > time.GetUtcNow())
            {
                suggestions = (JsonArray)JsonNode.Parse(entry.Json)!;
                return true;
            }

            _entries.TryRemove(KeyValuePair.Create(key, entry));
        }

        suggestions = null!;
        return false;
    }

    public void Set(string key, JsonArray suggestions, TimeSpan duration, int maxEntries)
    {
        if (duration <= TimeSpan.Zero || maxEntries <= 0)
        {
            _entries.Clear();
            return;
        }

        if (_entries.Count >= maxEntries && !_entries.ContainsKey(key))
        {
            Evict(maxEntries);
        }

        _entries[key] = new Entry(suggestions.ToJsonString(), time.GetUtcNow() + duration);
    }

    public void Clear() => _entries.Clear();

    private void Evict(int maxEntries)
    {
        var now = time.GetUtcNow();
        foreach (var (key, entry) in _entries)
        {
            if (entry.Expires <= now)
            {
                _entries.TryRemove(KeyValuePair.Create(key, entry));
            }
        }

        // Still full: drop the entries closest to expiry (the oldest), a tenth of the cache at a time.
        var excess = _entries.Count - maxEntries + 1;
        if (excess > 0)
        {
            foreach (var (key, entry) in _entries.OrderBy(e => e.Value.Expires).Take(Math.Max(excess, maxEntries / 10)))
            {
                _entries.TryRemove(KeyValuePair.Create(key, entry));
            }
        }
    }

    private sealed record Entry(string Json, DateTimeOffset Expires);
}
