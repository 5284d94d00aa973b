using System.Text.Json.Nodes;

namespace CrmKit.Sdk.Pipeline;

/// <summary>
/// A named operation on one record that a module defines beyond create, update and delete — "qualify this lead",
/// "close this deal as lost". Callers send it with <see cref="Records.IRecordService.SendMessageAsync"/> (REST:
/// <c>POST /api/records/{entity}/{id}/messages/{name}</c>); it passes the record pipeline like any write. Register it
/// with <see cref="Extensibility.CrmBuilderExtensions.AddRecordMessage{THandler}"/>.
/// </summary>
/// <remarks>
/// The handler runs inside the message's write transaction, after the PreOperation hooks and before the PostOperation
/// hooks: record writes it makes through <see cref="Records.IRecordService"/> join that transaction and pass the
/// pipeline themselves. An exception rolls everything back; the caller gets an error naming the module and the message.
/// Implementations are singletons: keep no per-call state in fields.
/// </remarks>
public interface IRecordMessageHandler
{
    /// <summary>What the message is: its name, entity, label and input schema.</summary>
    RecordMessageDescriptor Descriptor { get; }

    /// <summary>Handles one message.</summary>
    /// <param name="context">The record, the validated input and the acting principal.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The output returned to the caller; null for none.</returns>
    ValueTask<JsonObject?> ExecuteAsync(RecordMessageContext context, CancellationToken cancellationToken);
}
