using CrmKit.Core.Storage;
using Microsoft.Extensions.Options;
using Scriban;

namespace CrmKit.Core.Templates;

/// <summary>
/// The in-memory copy of the stored templates, each compiled once per version. Saves and deletes through this server
/// update it at once; otherwise it is read again after <see cref="TemplateOptions.CatalogRefreshInterval"/>.
/// </summary>
internal sealed class TemplateCatalog
{
    private readonly ICrmStore _store;
    private readonly TemplateSandbox _sandbox;
    private readonly TimeProvider _time;
    private readonly TimeSpan _refresh;
    private volatile Snapshot? _snapshot;

    public TemplateCatalog(ICrmStore store, TemplateSandbox sandbox, IOptions<TemplateOptions> options, TimeProvider time)
    {
        _store = store;
        _sandbox = sandbox;
        _time = time;
        _refresh = options.Value.CatalogRefreshInterval;
    }

    /// <summary>The current copy, read from the store when there is none or it is older than the refresh interval.</summary>
    public ValueTask<Snapshot> GetAsync(CancellationToken ct)
    {
        var snapshot = _snapshot;
        return snapshot is not null && _time.GetUtcNow() - snapshot.LoadedAt < _refresh
            ? ValueTask.FromResult(snapshot)
            : new ValueTask<Snapshot>(LoadAsync(ct));
    }

    /// <summary>Reads the store again.</summary>
    public async Task<Snapshot> LoadAsync(CancellationToken ct)
    {
        // Two concurrent loads both read the store; the later one wins, which is as fresh as either.
        var started = _time.GetUtcNow();
        await using var session = await _store.BeginAsync(write: false, ct);
        var stored = await session.ListTemplatesAsync(ct);
        var previous = _snapshot;
        var entries = stored.Select(t => Reuse(previous, t) ?? new Entry(t, _sandbox)).ToList();
        var snapshot = new Snapshot(entries, started);
        _snapshot = snapshot;
        return snapshot;
    }

    /// <summary>Forgets the copy so that the next use reads the store.</summary>
    public void Invalidate() => _snapshot = null;

    private static Entry? Reuse(Snapshot? previous, StoredTemplate template) =>
        previous?.Find(template.Name, template.Locale) is { } entry && entry.Template.Version == template.Version ? entry : null;

    /// <summary>One stored template and its compiled form (compiled on first use).</summary>
    internal sealed class Entry(StoredTemplate template, TemplateSandbox sandbox)
    {
        private readonly Lazy<Template> _compiled = new(() => sandbox.Parse(template.Name, template.Source));

        public StoredTemplate Template { get; } = template;

        /// <summary>The cache key: name, locale and version.</summary>
        public string Key { get; } = template.Name + "@" + template.Locale + "#" + template.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public Template Compiled => _compiled.Value;
    }

    /// <summary>The templates at one moment, grouped by name.</summary>
    internal sealed class Snapshot
    {
        private readonly Dictionary<string, List<Entry>> _byName;

        public Snapshot(IReadOnlyList<Entry> entries, DateTimeOffset loadedAt)
        {
            Entries = entries;
            LoadedAt = loadedAt;
            _byName = entries.GroupBy(e => e.Template.Name, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.OrderBy(e => e.Template.Locale, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        }

        public IReadOnlyList<Entry> Entries { get; }

        public DateTimeOffset LoadedAt { get; }

        public Entry? Find(string name, string locale) =>
            _byName.TryGetValue(name, out var list)
                ? list.Find(e => string.Equals(e.Template.Locale, locale, StringComparison.OrdinalIgnoreCase))
                : null;

        /// <summary>The best locale: the exact one, then the language (<c>ru</c> before <c>ru-KZ</c>), then any.</summary>
        public Entry? Resolve(string name, string? locale) =>
            _byName.TryGetValue(name, out var list) ? TemplateLocales.Choose(list, e => e.Template.Locale, locale) : null;
    }
}
