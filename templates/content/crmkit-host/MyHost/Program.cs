using CrmKit.AspNetCore;
using CrmKit.AspNetCore.Security;
using CrmKit.Core;
using CrmKit.Core.Audit;
using CrmKit.Core.Security;
using CrmKit.Plugins;
using CrmKit.Storage.Sqlite;

var builder = WebApplication.CreateBuilder(args);

// No "Server: Kestrel" header: it tells an attacker what to try, and clients do not need it.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

// Everything comes from the "CrmKit" configuration section: appsettings.json, then environment variables such as
// CRMKIT__STORAGE__CONNECTIONSTRING, then the command line. Plugins are loaded from the "plugins" folder under the
// content root (CrmKit:Plugins:Directory), and the folder is watched: publish a plugin into plugins/<id>/ to add it.
builder.Services
    .AddCrmKit(options => builder.Configuration.GetSection("CrmKit").Bind(options))
    .UseSqlite(_ => { })
    .AddPlugins();
builder.Services.AddOptions<SqliteStoreOptions>().BindConfiguration("CrmKit:Storage");
builder.Services.AddOptions<PluginRuntimeOptions>().BindConfiguration("CrmKit:Plugins");

// Security (docs/security.md): the first start creates the administrator "admin" and prints its API key once (or takes
// CrmKit:Security:BootstrapApiKey); the Data Protection key ring that encrypts secret plugin settings lives in
// "crmkit-keys" beside the data unless CrmKit:Security:KeyRingDirectory says otherwise: back it up with the database.
// JWT bearer tokens are accepted once CrmKit:Security:Jwt:Issuer, Audience and SigningKeys are set.
builder.Services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName)
    .PostConfigure(o => o.KeyRingDirectory ??= Path.GetFullPath("crmkit-keys"));
builder.Services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.SectionName);
builder.Services.AddCrmKitApi();
builder.Services.AddOptions<CrmKitApiOptions>().BindConfiguration(CrmKitApiOptions.SectionName);
builder.Services.AddOptions<CrmKitJwtOptions>().BindConfiguration(CrmKitJwtOptions.SectionName);

var app = builder.Build();
app.MapCrmKit();
app.Run();
