using System.Text.Json.Nodes;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;

namespace CrmKit.Benchmarks.OneC;

/// <summary>
/// The records service as the exporter uses it during an export — <c>in (...)</c> queries for the lines of a batch of
/// deals, their companies and products, paged — answered from <see cref="OrderData"/>. Only those queries are served;
/// anything else is a bug in the benchmark and throws.
/// </summary>
internal sealed class GeneratedRecordService : IRecordService
{
    public Task<RecordPage> QueryAsync(CrmPrincipal principal, string entity, RecordQuery query, CancellationToken cancellationToken = default)
    {
        var filter = query.Filter ?? throw new NotSupportedException("unfiltered query");
        var open = filter.IndexOf('(', StringComparison.Ordinal);
        var ids = filter[(open + 1)..^1].Split(',', StringSplitOptions.TrimEntries).Select(Guid.Parse).ToList();
        List<CrmRecord> all = (entity, filter[..open].Trim()) switch
        {
            ("deal_line", "deal in") => ids.SelectMany(d => Enumerable.Range(0, OrderData.LinesPerOrder).Select(k => OrderData.Line(OrderData.IndexOf(d), k))).ToList(),
            ("company", "id in") => ids.Select(c => OrderData.Company(OrderData.IndexOf(c))).ToList(),
            ("product", "id in") => ids.Select(p => OrderData.Product(OrderData.IndexOf(p))).ToList(),
            _ => throw new NotSupportedException($"{entity}: {filter}"),
        };
        var offset = query.After is null ? 0 : int.Parse(query.After, System.Globalization.CultureInfo.InvariantCulture);
        var page = all.Skip(offset).Take(query.Limit).ToList();
        var next = offset + page.Count < all.Count ? (offset + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return Task.FromResult(new RecordPage(page, next, null));
    }

    public Task<IReadOnlyList<CrmRecord>> CreateAsync(CrmPrincipal principal, string entity, IReadOnlyList<JsonObject> values, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<CrmRecord?> GetAsync(CrmPrincipal principal, string entity, Guid id, bool includeDeleted = false, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<CrmRecord> UpdateAsync(CrmPrincipal principal, string entity, Guid id, JsonObject changes, long? expectedVersion, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<CrmRecord> DeleteAsync(CrmPrincipal principal, string entity, Guid id, long? expectedVersion, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<CrmRecord> RestoreAsync(CrmPrincipal principal, string entity, Guid id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<JsonObject?> SendMessageAsync(CrmPrincipal principal, string entity, Guid id, string message, JsonObject input, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
