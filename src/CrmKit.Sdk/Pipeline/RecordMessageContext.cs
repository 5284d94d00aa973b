using System.Text.Json.Nodes;
using CrmKit.Sdk.Metadata;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;

namespace CrmKit.Sdk.Pipeline;

/// <summary>
/// What a record message handler sees. New members may be added; handlers take this one argument so they keep working.
/// </summary>
public sealed class RecordMessageContext
{
    /// <summary>The message name.</summary>
    public required string Message { get; init; }

    /// <summary>The entity, at the metadata version the operation runs against.</summary>
    public required EntityDefinition Entity { get; init; }

    /// <summary>The record id.</summary>
    public required Guid RecordId { get; init; }

    /// <summary>
    /// The record as it is in the message's transaction, after the PreOperation hooks. Change it through
    /// <see cref="IRecordService"/> (with <see cref="Principal"/>): the write joins the transaction and passes the pipeline.
    /// </summary>
    public required CrmRecord Record { get; init; }

    /// <summary>The input, already validated against <see cref="RecordMessageDescriptor.GetInputSchema"/>.</summary>
    public required JsonObject Input { get; init; }

    /// <summary>Who is acting.</summary>
    public required CrmPrincipal Principal { get; init; }

    /// <summary>How deep the pipeline is nested: 1 for a direct call, 2 for a message sent by a hook, and so on.</summary>
    public required int Depth { get; init; }

    /// <summary>Services of the current scope (<see cref="IRecordService"/> among them).</summary>
    public required IServiceProvider Services { get; init; }
}
