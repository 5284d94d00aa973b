using System.Text.Json;
using CrmKit.Core.Storage;

namespace CrmKit.Editions.Installing;

/// <summary>
/// Reads and writes installed-edition records in the store's settings table: <c>edition:&lt;id&gt;</c> per edition and
/// <c>editions</c> listing the ids. Writes go through the caller's session (the edition transaction).
/// </summary>
internal sealed class InstalledEditionStore(ICrmStore store)
{
    private const string IndexKey = "editions";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<InstalledEditionRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(write: false, cancellationToken);
        return await ListAsync(session, cancellationToken);
    }

    public static async Task<IReadOnlyList<InstalledEditionRecord>> ListAsync(ICrmStoreSession session, CancellationToken cancellationToken)
    {
        var result = new List<InstalledEditionRecord>();
        foreach (var id in (await ReadIndexAsync(session, cancellationToken)).Ids)
        {
            if (await ReadAsync(session, id, cancellationToken) is { } record)
            {
                result.Add(record);
            }
        }

        return result.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
    }

    public async Task<InstalledEditionRecord?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(write: false, cancellationToken);
        return await ReadAsync(session, id, cancellationToken);
    }

    public static async Task<InstalledEditionRecord?> ReadAsync(ICrmStoreSession session, string id, CancellationToken cancellationToken)
    {
        var stored = await session.ReadSettingAsync(Key(id), cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var record = JsonSerializer.Deserialize<InstalledEditionRecord>(stored.Value, Json)!;
        record.StoredVersion = stored.Version;
        return record;
    }

    /// <summary>Writes the record (compare-and-set on the version read) and adds it to the index.</summary>
    public static async Task WriteAsync(ICrmStoreSession session, InstalledEditionRecord record, CancellationToken cancellationToken)
    {
        await session.WriteSettingAsync(Key(record.Id), JsonSerializer.Serialize(record, Json), record.StoredVersion, cancellationToken);
        var (ids, version) = await ReadIndexAsync(session, cancellationToken);
        if (!ids.Contains(record.Id, StringComparer.Ordinal))
        {
            var next = ids.Append(record.Id).Order(StringComparer.Ordinal).ToList();
            await session.WriteSettingAsync(IndexKey, JsonSerializer.Serialize(next, Json), version, cancellationToken);
        }
    }

    private static async Task<(IReadOnlyList<string> Ids, long Version)> ReadIndexAsync(ICrmStoreSession session, CancellationToken cancellationToken)
    {
        var stored = await session.ReadSettingAsync(IndexKey, cancellationToken);
        return stored is null ? ([], 0) : (JsonSerializer.Deserialize<List<string>>(stored.Value, Json)!, stored.Version);
    }

    private static string Key(string id) => "edition:" + id;
}
