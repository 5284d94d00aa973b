using System.Text.Json.Nodes;

namespace CrmKit.AspNetCore.OpenApi;

/// <summary>The registry lookup path (<c>/api/integrations/egrul/{innOrOgrn}</c>).</summary>
internal static partial class OpenApiDocumentBuilder
{
    private static void AddRegistryPaths(JsonObject paths, JsonObject schemas)
    {
        static JsonObject Text(string description) => new() { ["type"] = new JsonArray("string", "null"), ["description"] = description };
        schemas["RegistryCompany"] = ObjectSchema(
            new JsonObject
            {
                ["kind"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("legal_entity", "individual_entrepreneur") },
                ["inn"] = new JsonObject { ["type"] = "string", ["description"] = "10 digits (legal entity) or 12 (entrepreneur)." },
                ["kpp"] = Text("The KPP; null for an entrepreneur."),
                ["ogrn"] = Text("The OGRN (13 digits) or OGRNIP (15 digits)."),
                ["okpo"] = Text("The OKPO code."),
                ["shortName"] = new JsonObject { ["type"] = "string", ["description"] = "The short name with the legal form." },
                ["fullName"] = new JsonObject { ["type"] = "string", ["description"] = "The full name with the legal form." },
                ["legalForm"] = Text("The short legal form (ООО, АО, ИП...)."),
                ["legalFormCode"] = Text("The OKOPF code of the legal form."),
                ["branchType"] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["enum"] = new JsonArray("main", "branch", null) },
                ["registrationDate"] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["format"] = "date" },
                ["liquidationDate"] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["format"] = "date" },
                ["status"] = Text("The registry status as the provider gives it: ACTIVE, LIQUIDATING, LIQUIDATED, BANKRUPT, REORGANIZING or another."),
                ["windingDown"] = new JsonObject { ["type"] = "boolean", ["description"] = "True for liquidating, liquidated and bankrupt companies." },
                ["legalAddress"] = Text("The legal address in one line."),
                ["directorName"] = Text("The director (for an entrepreneur, the entrepreneur)."),
                ["directorPost"] = Text("The director's post."),
                ["mainOkved"] = Text("The main OKVED code."),
                ["raw"] = new JsonObject { ["type"] = "object", ["description"] = "The provider's answer for the entry (only with raw=true)." },
            },
            "kind", "inn", "shortName", "fullName", "windingDown");
        paths["/api/integrations/egrul/{innOrOgrn}"] = new JsonObject
        {
            ["parameters"] = new JsonArray(PathParameter("innOrOgrn", "An INN (10 or 12 digits), OGRN (13) or OGRNIP (15).", new JsonObject { ["type"] = "string" })),
            ["get"] = Operation("lookupRegistry", IntegrationsTag,
                "Looks a company or an individual entrepreneur up in EGRUL/EGRIP through the loaded registry-lookup plugin. " +
                "The identifier's checksum is checked before any network call (400 egrul.invalid_id with the reason); " +
                "not found is 404 egrul.not_found; a provider that is down, rate-limited or refuses its credentials " +
                "answers 503 with egrul.provider_unavailable, egrul.rate_limited or egrul.unauthorized.",
                WithProblems(
                    new JsonObject
                    {
                        ["200"] = JsonResponse("The entries, the head office first.", ObjectSchema(
                            new JsonObject
                            {
                                ["provider"] = new JsonObject { ["type"] = "string" },
                                ["items"] = new JsonObject { ["type"] = "array", ["items"] = SchemaRef("RegistryCompany") },
                            },
                            "provider", "items")),
                    },
                    400, 404, 503),
                new JsonArray(
                    QueryParameter("kpp", "The KPP of one subdivision (head office or branch).", new JsonObject { ["type"] = "string" }),
                    QueryParameter("branch", "Only the head office (main) or only branches (branch).", new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("main", "branch") }),
                    QueryParameter("refresh", "Ask the registry again instead of answering from the cache.", new JsonObject { ["type"] = "boolean" }),
                    QueryParameter("raw", "Include the provider's answer per entry.", new JsonObject { ["type"] = "boolean" }),
                    QueryParameter("provider", "The registry lookup to use when several are loaded (such as dadata).", new JsonObject { ["type"] = "string" }))),
        };
    }
}
