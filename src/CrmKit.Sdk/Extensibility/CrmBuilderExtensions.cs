using System.Diagnostics.CodeAnalysis;
using CrmKit.Sdk.Files;
using CrmKit.Sdk.Http;
using CrmKit.Sdk.Integrations;
using CrmKit.Sdk.Messaging;
using CrmKit.Sdk.Pipeline;
using CrmKit.Sdk.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrmKit.Sdk.Extensibility;

/// <summary>
/// Registers a module's hooks, record messages, workflow actions and triggers, and integrations. Each is a singleton added with
/// <c>TryAddEnumerable</c>, so registering the same implementation twice adds it once, and implementations of several
/// modules sit side by side; the host reports two that claim the same name as a conflict. Every method returns the
/// builder, so calls chain.
/// </summary>
public static class CrmBuilderExtensions
{
    /// <summary>Adds a record pipeline hook.</summary>
    /// <typeparam name="THook">The hook type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static ICrmBuilder AddRecordHook<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THook>(
        this ICrmBuilder builder)
        where THook : class, IRecordHook =>
        builder.AddSingleton<IRecordHook, THook>();

    /// <summary>Adds a record message handler; the host refuses two modules claiming the same message name.</summary>
    /// <typeparam name="THandler">The handler type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static ICrmBuilder AddRecordMessage<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(
        this ICrmBuilder builder)
        where THandler : class, IRecordMessageHandler =>
        builder.AddSingleton<IRecordMessageHandler, THandler>();

    /// <summary>Adds a workflow action.</summary>
    /// <typeparam name="TAction">The action type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static ICrmBuilder AddWorkflowAction<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TAction>(
        this ICrmBuilder builder)
        where TAction : class, IWorkflowAction =>
        builder.AddSingleton<IWorkflowAction, TAction>();

    /// <summary>Adds a workflow trigger type; raise its events through <see cref="IWorkflowEventSink"/>.</summary>
    /// <typeparam name="TTrigger">The trigger type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static ICrmBuilder AddWorkflowTrigger<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TTrigger>(
        this ICrmBuilder builder)
        where TTrigger : class, IWorkflowTrigger =>
        builder.AddSingleton<IWorkflowTrigger, TTrigger>();

    /// <summary>Adds a company-registry lookup provider.</summary>
    /// <typeparam name="TLookup">The provider type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static ICrmBuilder AddRegistryLookup<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TLookup>(
        this ICrmBuilder builder)
        where TLookup : class, IRegistryLookup =>
        builder.AddSingleton<IRegistryLookup, TLookup>();

    /// <summary>Adds an accounting exporter.</summary>
    /// <typeparam name="TExporter">The exporter type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static ICrmBuilder AddAccountingExporter<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TExporter>(
        this ICrmBuilder builder)
        where TExporter : class, IAccountingExporter =>
        builder.AddSingleton<IAccountingExporter, TExporter>();

    /// <summary>Adds a messaging channel type.</summary>
    /// <typeparam name="TChannel">The channel type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static ICrmBuilder AddMessageChannel<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TChannel>(
        this ICrmBuilder builder)
        where TChannel : class, IMessageChannel =>
        builder.AddSingleton<IMessageChannel, TChannel>();

    /// <summary>
    /// Adds an HTTP endpoint served at <c>/api/ext/{name}</c>; the host refuses two modules claiming the same name.
    /// </summary>
    /// <typeparam name="TEndpoint">The endpoint type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static ICrmBuilder AddHttpEndpoint<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TEndpoint>(
        this ICrmBuilder builder)
        where TEndpoint : class, IHttpEndpoint =>
        builder.AddSingleton<IHttpEndpoint, TEndpoint>();

    /// <summary>
    /// Adds a file store under a name, as a keyed singleton: the host resolves the configured store with
    /// <c>GetRequiredKeyedService&lt;IFileStore&gt;(name)</c>. The store's constructor can take the name with
    /// <c>[ServiceKey] string name</c> to read its named options, so one type can serve several configured stores.
    /// </summary>
    /// <typeparam name="TStore">The store type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The store's name in configuration, for example <c>local</c>, <c>s3</c> or <c>webdav</c>.</param>
    /// <returns>The builder.</returns>
    public static ICrmBuilder AddFileStore<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TStore>(
        this ICrmBuilder builder, string name)
        where TStore : class, IFileStore
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        builder.Services.TryAddEnumerable(ServiceDescriptor.KeyedSingleton<IFileStore, TStore>(name));
        return builder;
    }

    private static ICrmBuilder AddSingleton<TService, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TImplementation>(
        this ICrmBuilder builder)
        where TService : class
        where TImplementation : class, TService
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<TService, TImplementation>());
        return builder;
    }
}
