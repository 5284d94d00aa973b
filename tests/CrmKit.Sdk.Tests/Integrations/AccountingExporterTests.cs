using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using CrmKit.Sdk.Integrations;
using CrmKit.Sdk.Localization;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;
using CrmKit.Sdk.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Sdk.Tests.Integrations;

public class AccountingExporterTests
{
    [Fact]
    public async Task ExportAsync_ShouldStreamRecordsAndReportProgress()
    {
        var ids = Enumerable.Range(1, 3).Select(i => new Guid(i, 0, 0, new byte[8])).ToList();
        var progress = new List<long>();
        using var services = new ServiceCollection().BuildServiceProvider();
        var context = new AccountingExportContext
        {
            Principal = CrmPrincipal.System.WithChannel(CrmChannel.Exchange),
            Entity = "deal",
            Records = Deals(ids),
            Settings = [],
            Services = services,
            Progress = new SynchronousProgress(progress),
        };
        using var output = new MemoryStream();

        var result = await new CsvExporter().ExportAsync(context, output, CancellationToken.None);

        result.ExportedCount.ShouldBe(3);
        result.Skipped.ShouldBeEmpty();
        progress.ShouldBe([1, 2, 3]);
        Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => Guid.Parse(l.TrimEnd('\r'))).ShouldBe(ids);
    }

    [Fact]
    public void Descriptor_ShouldCopySettingsSchema_AndAcceptAnyEntityByDefault()
    {
        var schema = new JsonObject { ["type"] = "object" };

        var descriptor = new AccountingExporterDescriptor(
            "commerceml-2.10", LocalizedText.Of("CommerceML 2.10", "CommerceML 2.10"), "application/xml", ".xml", schema);
        schema["type"] = "string";

        ((string?)descriptor.GetSettingsSchema()["type"]).ShouldBe("object");
        descriptor.Entities.ShouldBeEmpty();
    }

    private static async IAsyncEnumerable<CrmRecord> Deals(
        IEnumerable<Guid> ids, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var id in ids)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return new CrmRecord
            {
                Entity = "deal",
                Id = id,
                Version = 1,
                CreatedAt = DateTimeOffset.UnixEpoch,
                CreatedBy = "system",
                UpdatedAt = DateTimeOffset.UnixEpoch,
                UpdatedBy = "system",
                Values = [],
            };
        }
    }

    private sealed class SynchronousProgress(List<long> values) : IProgress<long>
    {
        public void Report(long value) => values.Add(value);
    }
}
