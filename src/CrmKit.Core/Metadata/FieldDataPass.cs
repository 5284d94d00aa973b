using System.Text.Json.Nodes;
using CrmKit.Core.Records;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Metadata;
using CrmKit.Sdk.Security;

namespace CrmKit.Core.Metadata;

/// <summary>
/// One pass over every record of an entity for a field change: decides per record whether its value is kept,
/// converted, violates the change or is archived, then writes the outcome (converted values, archived values removed).
/// </summary>
internal sealed class FieldDataPass
{
    private readonly string _field;
    private readonly List<(StoredRecord Row, JsonObject Data, Verdict Verdict, JsonNode? Value)> _changes = [];

    private FieldDataPass(string field) => _field = field;

    public enum Verdict
    {
        Keep,
        Replace,
        Violate,
        ViolateMissing,
        Archive,
    }

    /// <summary>The ids of records that violate the change, in id order.</summary>
    public List<Guid> Violations { get; } = [];

    /// <summary>The values that leave their records (removed, or violating when forced), by record id.</summary>
    public Dictionary<Guid, JsonNode?> Archived { get; } = [];

    public int Rewritten { get; private set; }

    public static async Task<FieldDataPass> RunAsync(
        ICrmStoreSession session, CompiledEntity entity, string field, Func<FieldRow, Verdict> check,
        CancellationToken cancellationToken)
    {
        var pass = new FieldDataPass(field);
        await foreach (var row in session.ScanAsync(entity.Storage, cancellationToken))
        {
            var data = RecordJson.Parse(row.Data);
            var fieldRow = new FieldRow(row.Id, row.DeletedAt is null, data[field]);
            var verdict = check(fieldRow);
            switch (verdict)
            {
                case Verdict.Keep:
                    continue;
                case Verdict.Violate or Verdict.ViolateMissing:
                    pass.Violations.Add(row.Id);
                    break;
                case Verdict.Replace:
                    pass.Rewritten++;
                    break;
            }

            if (verdict is Verdict.Violate or Verdict.Archive)
            {
                pass.Archived[row.Id] = fieldRow.Value?.DeepClone();
            }

            pass._changes.Add((row, data, verdict, fieldRow.Replacement));
        }

        return pass;
    }

    public async Task<FieldArchive> ArchiveAsync(
        ICrmStoreSession session, string entity, FieldDefinition field, long schemaVersion, string reason, CrmPrincipal principal,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var values = new JsonObject();
        foreach (var (id, value) in Archived)
        {
            values[id.ToString("D")] = value?.DeepClone();
        }

        var schema = field.GetSchema();
        var archive = new FieldArchive
        {
            Id = Guid.CreateVersion7(now),
            Entity = entity,
            Field = field.Name,
            SchemaVersion = schemaVersion,
            FieldSchema = schema.ToJsonString(),
            Required = field.Required,
            Reason = reason,
            Values = RecordJson.Serialize(values),
            Count = Archived.Count,
            ArchivedAt = now,
            ArchivedBy = principal.UserId,
        };
        await session.SaveArchiveAsync(archive, cancellationToken);
        return archive;
    }

    public async Task WriteAsync(
        ICrmStoreSession session, EntityStorageModel model, CrmPrincipal principal, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        foreach (var (row, data, verdict, value) in _changes)
        {
            switch (verdict)
            {
                case Verdict.Replace:
                    data[_field] = value;
                    break;
                case Verdict.Violate or Verdict.Archive:
                    data.Remove(_field);
                    break;
                default:
                    continue;
            }

            var next = row.Next(principal.UserId, now, RecordJson.Serialize(data));
            if (!await session.UpdateAsync(model, next, row.Version, cancellationToken))
            {
                throw new InvalidOperationException($"Record {row.Id} changed during a metadata change.");
            }
        }
    }

    /// <summary>A record's value of the field; a checker sets <see cref="Replacement"/> with <see cref="Verdict.Replace"/>.</summary>
    internal sealed class FieldRow(Guid id, bool live, JsonNode? value)
    {
        public Guid Id { get; } = id;

        public bool Live { get; } = live;

        public JsonNode? Value { get; } = value;

        public JsonNode? Replacement { get; set; }
    }
}
