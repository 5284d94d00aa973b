using CrmKit.AspNetCore;
using CrmKit.Core;
using CrmKit.Storage.Sqlite;

var builder = WebApplication.CreateBuilder(args);

// Everything comes from the "CrmKit" configuration section: appsettings.json, then environment variables such as
// CRMKIT__STORAGE__CONNECTIONSTRING (configuration keys are case-insensitive), then the command line.
// The options are bound when first resolved, so hosts and tests that add configuration late are honoured.
builder.Services.AddCrmKit(options => builder.Configuration.GetSection("CrmKit").Bind(options));
builder.Services.AddCrmKitSqlite(_ => { });
builder.Services.AddOptions<SqliteStoreOptions>().BindConfiguration("CrmKit:Storage");
builder.Services.AddCrmKitApi();
builder.Services.AddOptions<CrmKitApiOptions>().BindConfiguration(CrmKitApiOptions.SectionName);

var app = builder.Build();
app.MapCrmKit();
app.Run();

/// <summary>The CrmKit server. Public so that tests can start it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
