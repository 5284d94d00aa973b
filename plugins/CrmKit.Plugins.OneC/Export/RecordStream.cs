using System.Runtime.CompilerServices;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;

namespace CrmKit.Plugins.OneC.Export;

/// <summary>Records of a query, page by page: memory holds one page.</summary>
internal static class RecordStream
{
    public static async IAsyncEnumerable<CrmRecord> QueryAsync(
        IRecordService records, CrmPrincipal principal, string entity, string? filter, bool export,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? after = null;
        do
        {
            var page = await records.QueryAsync(principal, entity,
                new RecordQuery { Filter = filter, Limit = OrderSource.BatchSize, After = after, Export = export }, cancellationToken);
            foreach (var record in page.Items)
            {
                yield return record;
            }

            after = page.NextCursor;
        }
        while (after is not null);
    }
}
