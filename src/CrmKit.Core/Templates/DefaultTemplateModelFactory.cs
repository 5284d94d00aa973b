using System.Text.Json;
using CrmKit.Core.Metadata;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;

namespace CrmKit.Core.Templates;

/// <summary>The default <see cref="ITemplateModelFactory"/>: related records through <see cref="IRecordService"/>.</summary>
internal sealed class DefaultTemplateModelFactory(IMetadataService metadata, IRecordService records, TimeProvider time) : ITemplateModelFactory
{
    public async Task<TemplateModel> CreateAsync(CrmPrincipal principal, CrmRecord record, string culture, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(record);
        var related = new Dictionary<string, CrmRecord>(StringComparer.Ordinal);
        foreach (var field in metadata.GetEntity(record.Entity).Fields)
        {
            if (field.Lookup is not { } lookup ||
                record.Values[field.Name] is not { } node ||
                node.GetValueKind() != JsonValueKind.String ||
                !Guid.TryParse(node.GetValue<string>(), out var id))
            {
                continue;
            }

            // One level only: a related record's own lookups stay ids, which bounds the reads to the record's fields.
            if (await records.GetAsync(principal, lookup.TargetEntity, id, includeDeleted: false, cancellationToken) is { } target)
            {
                related[field.Name] = target;
            }
        }

        return new TemplateModel
        {
            Record = record,
            Related = related,
            User = principal,
            Now = time.GetUtcNow(),
            Culture = string.IsNullOrEmpty(culture) ? "ru-RU" : culture,
        };
    }
}
