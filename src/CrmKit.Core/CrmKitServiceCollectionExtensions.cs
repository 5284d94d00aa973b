using CrmKit.Core.Audit;
using CrmKit.Core.Fields;
using CrmKit.Core.Metadata;
using CrmKit.Core.Modules;
using CrmKit.Core.Outbox;
using CrmKit.Core.Pipeline;
using CrmKit.Core.Query;
using CrmKit.Core.Records;
using CrmKit.Core.Security;
using CrmKit.Core.Settings;
using CrmKit.Core.StandardModel;
using CrmKit.Core.Templates;
using CrmKit.Core.Workflows;
using CrmKit.Core.Workflows.Actions;
using CrmKit.Core.Workflows.Engine;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using CrmKit.Core.Files;
using CrmKit.Sdk.Files;

namespace CrmKit.Core;

/// <summary>Registers CrmKit Core.</summary>
public static class CrmKitServiceCollectionExtensions
{
    /// <summary>
    /// Adds the metadata registry, validation, the record pipeline, <see cref="IRecordService"/> and
    /// <see cref="IMetadataService"/>, the built-in field types and (unless switched off) the standard CRM model.
    /// Choose a store on the returned builder (for example <c>UseSqlite</c>).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures <see cref="CrmKitOptions"/>.</param>
    /// <returns>The builder, to add modules and choose a store.</returns>
    public static CrmKitBuilder AddCrmKit(this IServiceCollection services, Action<CrmKitOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        // The phone region and the standard-model switch shape what is registered now, so they are read at
        // registration time; the same delegate also configures the options the services read later.
        var options = new CrmKitOptions();
        configure?.Invoke(options);
        services.AddOptions<CrmKitOptions>().Configure(o => configure?.Invoke(o)).Validate(
            o => o.MaxBatchSize > 0 && o.MaxPipelineDepth > 0 && o.ViolationSampleSize > 0,
            "CrmKit options must be positive.")
            .Validate(o => string.IsNullOrEmpty(o.CursorKey) || IsValidCursorKey(o.CursorKey),
                "CrmKit:CursorKey must be base64 of at least 16 bytes (32 recommended).")
            .ValidateOnStart();

        var fieldTypes = new FieldTypeRegistry();
        foreach (var type in BuiltInFieldTypeCatalog.Create(options.DefaultPhoneRegion))
        {
            fieldTypes.Add(type);
        }

        var registrations = new ModuleRegistrations();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(fieldTypes);
        services.TryAddSingleton<IFieldTypeRegistry>(fieldTypes);
        services.TryAddSingleton<IFieldTypeCatalog>(sp => new FieldTypeCatalog(sp.GetRequiredService<FieldTypeRegistry>()));
        services.TryAddSingleton(registrations);
        services.TryAddSingleton<MetadataRegistry>();
        services.TryAddSingleton(sp => new EntityCompiler(sp.GetRequiredService<IFieldTypeRegistry>()));
        services.TryAddSingleton<MetadataService>();
        services.TryAddSingleton<IMetadataService>(sp => sp.GetRequiredService<MetadataService>());
        services.TryAddSingleton<ExtensionCatalog>();
        services.TryAddSingleton<ICrmExtensions>(sp => sp.GetRequiredService<ExtensionCatalog>());
        services.TryAddSingleton(sp => new CrmModuleHost(
            sp, sp.GetRequiredService<ExtensionCatalog>(), sp.GetRequiredService<FieldTypeRegistry>(), sp.GetRequiredService<MetadataService>(),
            sp.GetRequiredService<IModuleSettingsService>()));
        services.TryAddSingleton<RecordPipeline>();
        services.TryAddSingleton(sp => new CursorCodec(CursorKey(sp.GetRequiredService<IOptions<CrmKitOptions>>().Value)));
        services.TryAddSingleton<IRecordService, RecordService>();
        services.TryAddSingleton<Storage.ICrmStateReloader, Storage.CrmStateReloader>();
        services.AddHostedService<CrmKitInitializer>();
        services.TryAddSingleton<MetadataFreshness>();
        services.AddHostedService<MetadataRefresher>();
        AddSecurity(services);
        AddFiles(services);
        services.TryAddSingleton<Messaging.ChannelInbox>();
        services.TryAddSingleton(sp => new Messaging.ChannelHost(
            sp.GetRequiredService<IOptionsMonitor<CrmKitOptions>>(), sp.GetRequiredService<ICrmExtensions>(),
            sp.GetRequiredService<Messaging.ChannelInbox>(), sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<IRecordService>(), sp.GetRequiredService<Storage.ICrmStore>()));
        services.TryAddSingleton<DefaultModuleSettingsService>();
        services.TryAddSingleton<IModuleSettingsService>(sp => sp.GetRequiredService<DefaultModuleSettingsService>());
        services.AddHostedService<ModuleSettingsInitializer>();

        // Templates
        services.AddOptions<TemplateOptions>().Validate(
            o => o.LoopLimit > 0 && o.RecursiveLimit > 0 && o.OutputLimit > 0 && o.NestingLimit > 0 && o.TimeLimit > TimeSpan.Zero &&
                o.RegexTimeout > TimeSpan.Zero && o.MaxSourceLength > 0 && o.CacheSize > 0,
            "CrmKit:Templates limits must be positive.").ValidateOnStart();
        services.TryAddSingleton<TemplateSandbox>();
        services.TryAddSingleton<TemplateCatalog>();
        services.TryAddSingleton<DefaultTemplateRenderer>();
        services.TryAddSingleton<ITemplateRenderer>(sp => sp.GetRequiredService<DefaultTemplateRenderer>());
        services.TryAddSingleton<IScriptEvaluator>(sp => sp.GetRequiredService<DefaultTemplateRenderer>());
        services.TryAddSingleton<ITemplateModelFactory, DefaultTemplateModelFactory>();
        services.TryAddSingleton<ITemplateService, DefaultTemplateService>();

        // Outbox
        services.AddOptions<OutboxOptions>().Validate(
            o => o.BatchSize > 0 && o.MaxAttempts > 0 && o.Concurrency > 0 && o.PollInterval > TimeSpan.Zero &&
                 o.LeaseDuration > TimeSpan.Zero && o.BaseDelay >= TimeSpan.Zero && o.MaxDelay >= o.BaseDelay,
            "CrmKit:Outbox: BatchSize, MaxAttempts, Concurrency, PollInterval and LeaseDuration must be positive; MaxDelay at least BaseDelay.")
            .ValidateOnStart();
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<DefaultOutbox>();
        services.TryAddSingleton<IOutbox>(sp => sp.GetRequiredService<DefaultOutbox>());
        services.TryAddSingleton<IOutboxEffects>(sp => sp.GetRequiredService<DefaultOutbox>());
        services.TryAddSingleton<IOutboxAdmin, DefaultOutboxAdmin>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxJobHandler, PostCommitJobHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxJobHandler, DiagnosticNoopJobHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxJobHandler, DiagnosticRecordEffectJobHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxJobHandler, DiagnosticFailJobHandler>());
        services.TryAddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());

        // Workflow definitions
        services.AddWorkflowDefinitions();

        // Workflow engine
        services.AddWorkflowEngine();

        var builder = new CrmKitBuilder(services, fieldTypes, registrations);
        if (options.IncludeStandardModel)
        {
            builder.AddModule(new StandardCrmModule());
        }

        // Workflow engine: the document entity render_template writes to.
        builder.AddModule(new WorkflowDocumentsModule());

        return builder;
    }

    /// <summary>
    /// The security directory and its checks, API keys, the bootstrap administrator, the audit trail and its retention,
    /// and Data Protection for secrets at rest (its key ring in <see cref="SecurityOptions.KeyRingDirectory"/> when set).
    /// </summary>
    /// <summary>
    /// Adds attachments (<see cref="IAttachmentService"/>), migrations between file stores and the built-in <c>local</c>
    /// store, whose folder is <see cref="FileStoreOptions.LocalRoot"/>.
    /// </summary>
    private static void AddFiles(IServiceCollection services)
    {
        services.AddOptions<FileStoreOptions>().Validate(
            o => !string.IsNullOrWhiteSpace(o.Store) && o.MaxFileBytes > 0 && !string.IsNullOrWhiteSpace(o.LocalRoot) &&
                 o.MigrationBatchSize is > 0 and <= 10_000,
            "CrmKit:Files: Store and LocalRoot must be set, MaxFileBytes positive and MigrationBatchSize within 1..10000.");
        services.TryAddKeyedSingleton<IFileStore>(FileStoreOptions.LocalStoreName, (sp, _) =>
            new LocalFileStore(sp.GetRequiredService<IOptions<FileStoreOptions>>().Value.LocalRoot));
        services.TryAddSingleton<AttachmentService>();
        services.TryAddSingleton<IAttachmentService>(sp => sp.GetRequiredService<AttachmentService>());
        services.TryAddSingleton<FileMigrationService>();
        services.TryAddSingleton<IFileMigrationService>(sp => sp.GetRequiredService<FileMigrationService>());
    }

    private static void AddSecurity(IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>().Validate(
            o => o.DirectoryRefreshInterval > TimeSpan.Zero && o.ApiKeyCacheDuration >= TimeSpan.Zero && o.ApiKeyLastUsedInterval >= TimeSpan.Zero
                 && SecurityIdsAreValid(o.BootstrapAdministrator),
            "CrmKit:Security: DirectoryRefreshInterval must be positive, the cache durations not negative, and BootstrapAdministrator a valid id.")
            .ValidateOnStart();
        services.AddOptions<AuditOptions>().Validate(
            o => o.RetentionDays >= 0 && o.PruneInterval > TimeSpan.Zero && o.PruneBatchSize > 0,
            "CrmKit:Audit: RetentionDays must not be negative; PruneInterval and PruneBatchSize must be positive.").ValidateOnStart();
        services.TryAddSingleton<SecurityDirectoryCache>();
        services.TryAddSingleton<AccessControl>();
        services.TryAddSingleton<IAccessControl>(sp => sp.GetRequiredService<AccessControl>());
        services.TryAddSingleton<ISecurityDirectoryService, SecurityDirectoryService>();
        services.TryAddSingleton<ApiKeyService>();
        services.TryAddSingleton<IApiKeyService>(sp => sp.GetRequiredService<ApiKeyService>());
        services.TryAddSingleton<IServicePrincipalProvider, ServicePrincipalProvider>();
        services.TryAddSingleton<IAuditTrail, AuditTrail>();
        services.AddHostedService<SecurityInitializer>();
        services.AddHostedService<SecurityDirectoryRefresher>();
        services.TryAddSingleton<AuditRetentionService>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditRetentionService>());

        services.AddDataProtection();
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .Configure<Microsoft.Extensions.Options.IOptions<SecurityOptions>>((keys, security) =>
            {
                if (!string.IsNullOrEmpty(security.Value.KeyRingDirectory) && keys.XmlRepository is null)
                {
                    keys.XmlRepository = new Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository(
                        Directory.CreateDirectory(security.Value.KeyRingDirectory), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
                }
            });
        services.TryAddSingleton<ISecretProtector, DataProtectionSecretProtector>();
    }

    private static bool SecurityIdsAreValid(string id) => SecurityIds.IsValid(id);

    private static bool IsValidCursorKey(string key)
    {
        var buffer = new byte[key.Length];
        return Convert.TryFromBase64String(key, buffer, out var length) && length >= 16;
    }

    private static byte[] CursorKey(CrmKitOptions options) =>
        string.IsNullOrEmpty(options.CursorKey)
            ? System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)
            : Convert.FromBase64String(options.CursorKey);
}
