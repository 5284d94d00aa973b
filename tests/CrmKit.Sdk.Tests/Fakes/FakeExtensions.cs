using System.Text.Json.Nodes;
using CrmKit.Sdk.Files;
using CrmKit.Sdk.Integrations;
using CrmKit.Sdk.Localization;
using CrmKit.Sdk.Messaging;
using CrmKit.Sdk.Pipeline;
using CrmKit.Sdk.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Sdk.Tests.Fakes;

// Minimal implementations of each extension point, as a plugin would write them, for the registration tests.

internal sealed class AuditHook : IRecordHook
{
    public RecordHookDescriptor Descriptor { get; } =
        new() { Name = "audit", Entity = "*", Stage = PipelineStage.PostOperation };

    public ValueTask ExecuteAsync(RecordHookContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}

internal sealed class NormalizeHook : IRecordHook
{
    public RecordHookDescriptor Descriptor { get; } =
        new() { Name = "normalize", Entity = "contact", Stage = PipelineStage.PreOperation };

    public ValueTask ExecuteAsync(RecordHookContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}

internal sealed class EchoAction : IWorkflowAction
{
    public WorkflowActionDescriptor Descriptor { get; } = new("test.echo", LocalizedText.Of("Echo"));

    public ValueTask<WorkflowActionResult> ExecuteAsync(WorkflowActionContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(WorkflowActionResult.Success((JsonObject)context.Parameters.DeepClone()));
}

internal sealed class NoopAction : IWorkflowAction
{
    public WorkflowActionDescriptor Descriptor { get; } = new("test.noop", LocalizedText.Of("Nothing"));

    public ValueTask<WorkflowActionResult> ExecuteAsync(WorkflowActionContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(WorkflowActionResult.Success());
}

internal sealed class CallMissedTrigger() : WorkflowTrigger(new WorkflowTriggerDescriptor("telephony.call_missed", LocalizedText.Of("Missed call")));

internal sealed class FixedRegistryLookup : IRegistryLookup
{
    public RegistryLookupDescriptor Descriptor { get; } = new("fixed", LocalizedText.Of("Fixed"));

    public Task<IReadOnlyList<RegistryCompany>> LookupAsync(RegistryLookupRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RegistryCompany>>([]);
}

internal sealed class CsvExporter : IAccountingExporter
{
    public AccountingExporterDescriptor Descriptor { get; } =
        new("csv", LocalizedText.Of("CSV"), "text/csv", ".csv");

    public async Task<AccountingExportResult> ExportAsync(
        AccountingExportContext context, Stream output, CancellationToken cancellationToken)
    {
        long count = 0;
        await using var writer = new StreamWriter(output, leaveOpen: true);
        await foreach (var record in context.Records.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(record.Id.ToString());
            context.Progress?.Report(++count);
        }

        return new AccountingExportResult { ExportedCount = count };
    }
}

internal sealed class EchoChannel : IMessageChannel
{
    public MessageChannelDescriptor Descriptor { get; } = new("echo", LocalizedText.Of("Echo"));

    public Task<ChannelWebhookResult> HandleWebhookAsync(ChannelWebhookContext context, CancellationToken cancellationToken) =>
        Task.FromResult(ChannelWebhookResult.Accept([]));

    public Task<OutboundMessageResult> SendAsync(ChannelSendContext context, CancellationToken cancellationToken) =>
        Task.FromResult(OutboundMessageResult.Sent(context.IdempotencyKey));
}

/// <summary>An in-memory store that knows the name it was registered under.</summary>
internal sealed class InMemoryFileStore([ServiceKey] string name) : IFileStore
{
    private readonly Dictionary<string, (byte[] Content, string ContentType)> _files = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    public async Task<StoredFileInfo> PutAsync(FilePutRequest request, CancellationToken cancellationToken)
    {
        FileStoreKeys.ThrowIfInvalid(request.Key, nameof(request));
        using var buffer = new MemoryStream();
        await request.Content.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        _files[request.Key] = (bytes, request.ContentType);
        return new StoredFileInfo
        {
            Key = request.Key,
            Length = bytes.Length,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)),
            ContentType = request.ContentType,
        };
    }

    public Task<FileReadResult?> OpenReadAsync(string key, FileRange? range, CancellationToken cancellationToken)
    {
        if (!_files.TryGetValue(key, out var file))
        {
            return Task.FromResult<FileReadResult?>(null);
        }

        if (range is null)
        {
            return Task.FromResult<FileReadResult?>(
                new FileReadResult(new MemoryStream(file.Content, writable: false), file.Content.Length) { ContentType = file.ContentType });
        }

        var fitted = range.Clamp(file.Content.Length) ?? throw new ArgumentOutOfRangeException(nameof(range));
        var slice = new MemoryStream(file.Content, (int)fitted.Offset, (int)fitted.Length!.Value, writable: false);
        return Task.FromResult<FileReadResult?>(
            new FileReadResult(slice, file.Content.Length, fitted) { ContentType = file.ContentType });
    }

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken) => Task.FromResult(_files.Remove(key));
}
