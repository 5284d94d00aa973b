using System.Diagnostics.CodeAnalysis;

namespace CrmKit.Core.Modules;

/// <summary>
/// The extensions live in the host right now — those of modules compiled into it and those of loaded plugins — by
/// contract: <c>IRecordHook</c>, <c>IRecordMessageHandler</c>, <c>IWorkflowAction</c>, <c>IWorkflowTrigger</c>, <c>IRegistryLookup</c>,
/// <c>IAccountingExporter</c>, <c>IMessageChannel</c>, <c>IHttpEndpoint</c> and <c>IFileStore</c>. Host code that uses an extension point
/// asks here, never the DI container, so plugins enabled or disabled at run time are seen at once.
/// </summary>
public interface ICrmExtensions
{
    /// <summary>Changes whenever an extension is added or removed.</summary>
    long Revision { get; }

    /// <summary>The active extensions of a contract, in registration order.</summary>
    /// <typeparam name="T">The contract, for example <c>IWorkflowAction</c>.</typeparam>
    /// <returns>The extensions.</returns>
    IReadOnlyList<T> GetAll<T>()
        where T : class;

    /// <summary>Finds the active extension of a contract by its name (a workflow action's type, a store's name...).</summary>
    /// <typeparam name="T">The contract.</typeparam>
    /// <param name="name">The name within the contract's kind.</param>
    /// <param name="extension">The extension, when found.</param>
    /// <returns>True when found.</returns>
    bool TryGet<T>(string name, [NotNullWhen(true)] out T? extension)
        where T : class;

    /// <summary>Every active registration with its owner (file stores of modules compiled into the host excluded).</summary>
    IReadOnlyList<RegisteredExtension> Registrations { get; }
}
