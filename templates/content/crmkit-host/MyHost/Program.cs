using CrmKit.AspNetCore;
using CrmKit.Core;
using CrmKit.Plugins;
using CrmKit.Storage.Sqlite;

var builder = WebApplication.CreateBuilder(args);

// Everything comes from the "CrmKit" configuration section: appsettings.json, then environment variables such as
// CRMKIT__STORAGE__CONNECTIONSTRING, then the command line. Plugins are loaded from the "plugins" folder under the
// content root (CrmKit:Plugins:Directory), and the folder is watched: publish a plugin into plugins/<id>/ to add it.
builder.Services
    .AddCrmKit(options => builder.Configuration.GetSection("CrmKit").Bind(options))
    .UseSqlite(_ => { })
    .AddPlugins();
builder.Services.AddOptions<SqliteStoreOptions>().BindConfiguration("CrmKit:Storage");
builder.Services.AddOptions<PluginRuntimeOptions>().BindConfiguration("CrmKit:Plugins");
builder.Services.AddCrmKitApi();
builder.Services.AddOptions<CrmKitApiOptions>().BindConfiguration(CrmKitApiOptions.SectionName);

var app = builder.Build();
app.MapCrmKit();
app.Run();
