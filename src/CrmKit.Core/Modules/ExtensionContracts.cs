using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Files;
using CrmKit.Sdk.Http;
using CrmKit.Sdk.Integrations;
using CrmKit.Sdk.Messaging;
using CrmKit.Sdk.Pipeline;
using CrmKit.Sdk.Workflows;

namespace CrmKit.Core.Modules;

/// <summary>The service-based extension contracts, each with its kind and how an instance is named.</summary>
internal static class ExtensionContracts
{
    public static readonly IReadOnlyList<ExtensionContract> All =
    [
        new(typeof(IRecordHook), ExtensionKinds.RecordHook, o => ((IRecordHook)o).Descriptor.Name, Exclusive: false),
        new(typeof(IRecordMessageHandler), ExtensionKinds.RecordMessage, o => ((IRecordMessageHandler)o).Descriptor.Name),
        new(typeof(IWorkflowAction), ExtensionKinds.WorkflowAction, o => ((IWorkflowAction)o).Descriptor.Type),
        new(typeof(IWorkflowTrigger), ExtensionKinds.WorkflowTrigger, o => ((IWorkflowTrigger)o).Descriptor.Type),
        new(typeof(IRegistryLookup), ExtensionKinds.RegistryLookup, o => ((IRegistryLookup)o).Descriptor.Name),
        new(typeof(IAccountingExporter), ExtensionKinds.AccountingExporter, o => ((IAccountingExporter)o).Descriptor.Format),
        new(typeof(IMessageChannel), ExtensionKinds.MessageChannel, o => ((IMessageChannel)o).Descriptor.ChannelType),
        new(typeof(IHttpEndpoint), ExtensionKinds.HttpEndpoint, o => ((IHttpEndpoint)o).Descriptor.Name),
    ];

    /// <summary>File stores are keyed services; their name is the key.</summary>
    public static readonly ExtensionContract FileStore = new(typeof(IFileStore), ExtensionKinds.FileStore, _ => "");

    public static ExtensionContract? For(Type contract) =>
        contract == typeof(IFileStore) ? FileStore : All.FirstOrDefault(c => c.Contract == contract);
}

/// <summary>One extension contract.</summary>
/// <param name="Contract">The interface.</param>
/// <param name="Kind">Its kind name.</param>
/// <param name="NameOf">Reads an instance's name.</param>
/// <param name="Exclusive">Whether two owners may not share a name (hooks compose, so they may).</param>
internal sealed record ExtensionContract(Type Contract, string Kind, Func<object, string> NameOf, bool Exclusive = true);
