using CrmKit.AspNetCore;
using CrmKit.AspNetCore.Security;
using CrmKit.Core;
using CrmKit.Core.Audit;
using CrmKit.Core.Files;
using CrmKit.Core.Security;
using CrmKit.Core.Outbox;
using CrmKit.Core.Templates;
using CrmKit.Core.Workflows.Engine;
using CrmKit.Distribution;
using CrmKit.Editions;
using CrmKit.Plugins;
using CrmKit.Server;

// appsettings.json is read from the application's own directory, so the settings apply wherever the server is started
// from; the data (crmkit.db by default) lives in the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
});

// http://localhost:5080 unless an address is configured: --urls, URLS, ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS (set by
// the .NET container images)... A "Urls" key in appsettings.json would silently override those ASPNETCORE_ variables.
if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]) &&
    string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.HttpPortsKey]) &&
    string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.HttpsPortsKey]))
{
    builder.WebHost.UseUrls("http://localhost:5080");
}

// No "Server: Kestrel" header: it tells an attacker what to try, and clients do not need it.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

// Everything comes from the "CrmKit" configuration section: appsettings.json, then environment variables such as
// CRMKIT__STORAGE__CONNECTIONSTRING (configuration keys are case-insensitive), then the command line. The options
// are bound when first resolved, so configuration added late (by tests, by a hosting environment) is honoured.
// Storage: CrmKit:Storage:Provider = Sqlite (default, the file of CrmKit:Storage:ConnectionString) or PostgreSql (with a
// PostgreSQL connection string in CrmKit:Storage:ConnectionString); docs/deployment.md.
var crm = builder.Services.AddCrmKit(options => builder.Configuration.GetSection("CrmKit").Bind(options));
crm.UseConfiguredStore(builder.Configuration);
crm.AddPlugins();
// Plugin packages from NuGet feeds: CrmKit:Distribution:NuGetConfig (default "nuget.config" under the content root),
// AllowPrerelease (default false), LockFile (default "plugins.lock.json"), FeedTimeout (docs/distribution.md).
crm.AddPluginPackages();
builder.Services.AddOptions<PluginPackageOptions>().BindConfiguration("CrmKit:Distribution");
// Editions: fetched from the same feeds; CrmKit:Editions:PackageFolder, CoreVersion (docs/editions.md).
crm.AddEditions();
builder.Services.AddOptions<EditionOptions>().BindConfiguration("CrmKit:Editions");

// Plugins: CrmKit:Plugins:Directory (default "plugins" under the content root, which is the server's own folder),
// StartTimeout, WatchDirectory, WatchDelay.
builder.Services.AddOptions<PluginRuntimeOptions>().BindConfiguration("CrmKit:Plugins");
// Outbox: CrmKit:Outbox:PollInterval, BatchSize, MaxAttempts, BaseDelay, MaxDelay, LeaseDuration, Concurrency, Enabled,
// DiagnosticJobs (docs/outbox.md).
builder.Services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName);
// Templates: CrmKit:Templates:LoopLimit, RecursiveLimit, OutputLimit, NestingLimit, TimeLimit, RegexTimeout,
// MaxSourceLength, CacheSize, CatalogRefreshInterval (docs/templates.md).
builder.Services.AddOptions<TemplateOptions>().BindConfiguration(TemplateOptions.SectionName);
// Workflow engine: CrmKit:Workflows:SchedulerEnabled, SchedulerPollInterval, SchedulerBatchSize, WebhookTimeout,
// WebhookSecrets:<name> (docs/workflows.md).
builder.Services.AddOptions<WorkflowEngineOptions>().BindConfiguration(WorkflowEngineOptions.SectionName);
// Security: CrmKit:Security:BootstrapAdministrator, BootstrapApiKey, KeyRingDirectory (default "crmkit-keys" in the
// working directory, next to crmkit.db), DirectoryRefreshInterval, ApiKeyCacheDuration; JWT bearer tokens from
// CrmKit:Security:Jwt:Issuer, Audience, SigningKeys:0.., UserClaim; the audit trail from CrmKit:Audit:RetentionDays
// (docs/security.md).
builder.Services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName)
    .PostConfigure(o => o.KeyRingDirectory ??= Path.GetFullPath("crmkit-keys"));
builder.Services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.SectionName);
// Attachments and file stores: CrmKit:Files:Store (local, or a plugin's s3/webdav), MaxFileBytes, AllowedContentTypes,
// LocalRoot (default "crmkit-files" in the working directory), MigrationBatchSize; the S3 and WebDAV plugins read
// CrmKit:Files:Stores:<name> (docs/integrations/files.md).
builder.Services.AddOptions<FileStoreOptions>().BindConfiguration(FileStoreOptions.SectionName)
    .PostConfigure(o => o.LocalRoot = Path.GetFullPath(o.LocalRoot));
builder.Services.AddCrmKitApi();
builder.Services.AddOptions<CrmKitApiOptions>().BindConfiguration(CrmKitApiOptions.SectionName);
builder.Services.AddOptions<CrmKitJwtOptions>().BindConfiguration(CrmKitJwtOptions.SectionName);

var app = builder.Build();

// "migrate" (or "db migrate"): apply the store's migrations and exit, without serving (docs/deployment.md, Upgrades).
if (StoreMigration.IsRequested(args))
{
    Environment.ExitCode = await StoreMigration.RunAsync(app.Services, Console.Out, Console.Error);
    return;
}

app.MapCrmKit();
app.Run();

/// <summary>The CrmKit server. Public so that tests can start it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
