using CrmKit.Plugins.Egrul.Company;
using CrmKit.Plugins.Egrul.DaData;
using CrmKit.Plugins.Egrul.Hooks;
using CrmKit.Plugins.Egrul.Lookup;
using CrmKit.Plugins.Egrul.Settings;
using CrmKit.Plugins.Egrul.Workflows;
using CrmKit.Sdk.Builders;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Plugins.Egrul;

/// <summary>
/// The EGRUL/EGRIP lookup plugin (<c>ru.egrul</c>): a registry lookup over DaData <c>findById/party</c> (served by the
/// host at <c>GET /api/integrations/egrul/{innOrOgrn}</c> and by <c>crmkit egrul lookup</c>), autofill of companies
/// saved with an INN and no name, the workflow action <c>ru.egrul.refresh</c>, and the registry status of companies
/// with a visible flag for liquidated, liquidating and bankrupt ones. Depends on <c>ru.requisites</c>, whose company
/// fields it fills.
/// </summary>
public sealed class EgrulModule : ICrmModule
{
    /// <summary>The plugin id.</summary>
    public const string PluginId = "ru.egrul";

    /// <inheritdoc />
    public string Id => PluginId;

    /// <inheritdoc />
    public void Configure(ICrmBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddSettings(EgrulSettingsSchema.Create());

        builder.Services.AddSingleton<DaDataClient>();
        builder.Services.AddSingleton<RegistryCache>();
        builder.Services.AddSingleton<RegistryLookupService>();
        builder.Services.AddHttpClient(DaDataClient.HttpClientName, client =>
            {
                // The resilience pipeline owns the timeouts; this only bounds a hung connection beyond them.
                client.Timeout = TimeSpan.FromMinutes(15);
                client.MaxResponseContentBufferSize = DaDataClient.MaxResponseBytes;
            })
            // Header values (the Authorization token above all) never reach the logs.
            .RedactLoggedHeaders(_ => true)
            .AddResilienceHandler(DaDataClient.HttpClientName, (pipeline, context) =>
                DaDataResilience.Configure(pipeline, context.ServiceProvider.GetRequiredService<IModuleSettings>()));

        builder.Entities.Extend(CompanyFields.Entity, company => company
            .String(CompanyFields.Status, f => f.Label("Registry status", "Статус в ЕГРЮЛ").MaxLength(100).Indexed())
            .Boolean(CompanyFields.Inactive, f => f.Label("Liquidated or bankrupt (EGRUL)", "Ликвидирована или банкрот (ЕГРЮЛ)").Indexed())
            .Date(CompanyFields.RegistrationDate, f => f.Label("Registered", "Дата регистрации"))
            .Date(CompanyFields.LiquidationDate, f => f.Label("Liquidated", "Дата ликвидации"))
            .String(CompanyFields.Okved, f => f.Label("Main OKVED", "Основной ОКВЭД").MaxLength(20))
            .DateTime(CompanyFields.CheckedAt, f => f.Label("Checked in EGRUL", "Проверено в ЕГРЮЛ"))
            .Enum(CompanyFields.SyncState, f => f
                .Label("EGRUL fill", "Заполнение из ЕГРЮЛ")
                .Option(CompanyFields.SyncOk, "Filled", "Заполнено")
                .Option(CompanyFields.SyncPending, "Pending (provider unavailable)", "Ожидает (сервис недоступен)")
                .Option(CompanyFields.SyncNotFound, "Not found in the registry", "Не найдено в реестре")
                .Indexed()));

        builder.AddRegistryLookup<DaDataRegistryLookup>();
        builder.AddRecordHook<AutofillHook>();
        builder.AddRecordHook<AutofillRetryHook>();
        builder.AddWorkflowAction<RefreshFromEgrulAction>();
    }
}
