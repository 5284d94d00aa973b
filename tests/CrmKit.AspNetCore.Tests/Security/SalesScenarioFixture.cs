using System.Net;
using CrmKit.AspNetCore.Tests.Infrastructure;

namespace CrmKit.AspNetCore.Tests.Security;

/// <summary>
/// The example of docs/security.md on a fresh server: the sales managers anna and boris (team "sales", headed by olga)
/// see their own deals and not the margin; the head of sales olga sees the team's deals, margin read-only; petr is a sales
/// manager of another team; the accountant ivan sees the companies' requisites and the invoices, nothing else. Companies
/// are readable to managers only when they own them (so that lookups and templates can be tried against foreign ones).
/// </summary>
public sealed class SalesScenarioFixture : IAsyncLifetime
{
    public CrmKitServerFactory Factory { get; } = new();

    public SecurityApi Security { get; private set; } = null!;

    public CrmApi Admin => Security.Admin;

    public CrmApi Anna { get; private set; } = null!;

    public CrmApi Boris { get; private set; } = null!;

    public CrmApi Olga { get; private set; } = null!;

    public CrmApi Petr { get; private set; } = null!;

    public CrmApi Ivan { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Security = new SecurityApi(Factory);
        await AddFieldAsync("deal", "margin", """{"x-crm-type": "decimal"}""");
        await AddFieldAsync("company", "inn", """{"x-crm-type": "string"}""");
        await AddFieldAsync("company", "kpp", """{"x-crm-type": "string"}""");
        await Admin.CreateAsync("/api/metadata/entities", System.Text.Json.Nodes.JsonNode.Parse("""
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "x-crm-entity": "invoice",
              "x-crm-labels": {"en": "Invoice", "ru": "Счёт"},
              "properties": {
                "number": {"x-crm-type": "string"},
                "company": {"x-crm-type": "lookup", "x-crm-lookup": {"entity": "company"}},
                "total": {"x-crm-type": "decimal"}
              }
            }
            """)!.AsObject());

        await Security.SaveRoleAsync("sales_manager", """
            {
              "labels": {"en": "Sales manager", "ru": "Менеджер по продажам"},
              "entities": {
                "deal": {"create": "own", "read": "own", "update": "own", "delete": "own", "export": "none",
                         "fields": {"margin": "hidden"}},
                "company": {"create": "own", "read": "own", "update": "own"}
              }
            }
            """);
        await Security.SaveRoleAsync("head_of_sales", """
            {
              "labels": {"en": "Head of sales", "ru": "Руководитель отдела продаж"},
              "entities": {
                "deal": {"create": "team", "read": "team", "update": "team", "delete": "team", "export": "team",
                         "fields": {"margin": "read_only"}},
                "company": {"create": "team", "read": "all", "update": "team", "export": "all"}
              }
            }
            """);
        await Security.SaveRoleAsync("accountant", """
            {
              "labels": {"en": "Accountant", "ru": "Бухгалтер"},
              "entities": {
                "company": {"read": "all", "export": "all",
                            "fields": {"*": "hidden", "name": "read_only", "legal_name": "read_only", "inn": "read_only", "kpp": "read_only"}},
                "invoice": {"create": "all", "read": "all", "update": "all", "export": "all"}
              }
            }
            """);
        Anna = await Security.ClientForNewUserAsync("anna", "sales_manager");
        Boris = await Security.ClientForNewUserAsync("boris", "sales_manager");
        Olga = await Security.ClientForNewUserAsync("olga", "head_of_sales");
        Petr = await Security.ClientForNewUserAsync("petr", "sales_manager");
        Ivan = await Security.ClientForNewUserAsync("ivan", "accountant");
        await Security.CreateTeamAsync("sales", "anna", "boris", "olga");
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }

    private async Task AddFieldAsync(string entity, string field, string schema)
    {
        using var response = await Admin.PostJsonAsync($"/api/metadata/entities/{entity}/fields", $$"""{"name": "{{field}}", "schema": {{schema}}}""");
        await response.ShouldBeJsonAsync(HttpStatusCode.Created);
    }
}
