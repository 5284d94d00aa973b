using System.Text.Json.Nodes;

namespace CrmKit.Plugins.Egrul.Tests.Infrastructure;

/// <summary>
/// The saved DaData answers (Data/dadata, real data of ООО "МОТОРИКА") and variants derived from them: each test
/// changes a copy of the real payload, so everything it does not change stays as DaData sends it.
/// </summary>
internal static class DaDataPayloads
{
    public const string MotorikaInn = "7719402047";
    public const string MotorikaOgrn = "1157746078984";
    public const string MotorikaKpp = "773101001";
    public const string BranchKpp = "773143001";
    public const string SecondBranchKpp = "502743001";
    public const string EntrepreneurInn = "781303761704";
    public const string EntrepreneurOgrnip = "304770000000020";

    public static JsonObject Motorika() => Read("findById-party-response.motorika.json");

    public static JsonObject NotFound() => Read("findById-party-response.not-found.json");

    /// <summary>The real payload with a legal address block, as DaData sends one for most companies.</summary>
    public static JsonObject WithAddress()
    {
        var answer = Motorika();
        Data(answer)["address"] = new JsonObject
        {
            ["value"] = "г Москва, ул Нижняя Красносельская, д 35 стр 9",
            ["unrestricted_value"] = "105066, г Москва, Басманный р-н, ул Нижняя Красносельская, д 35 стр 9",
            ["data"] = new JsonObject { ["postal_code"] = "105066", ["region_with_type"] = "г Москва" },
        };
        return answer;
    }

    /// <summary>The real payload with another status (and a liquidation date for LIQUIDATED).</summary>
    public static JsonObject WithStatus(string status)
    {
        var answer = Motorika();
        var state = Data(answer)["state"]!.AsObject();
        state["status"] = status;
        if (status == "LIQUIDATED")
        {
            state["liquidation_date"] = 1640995200000L; // 2022-01-01
        }

        return answer;
    }

    /// <summary>The head office and two branches; the branches come first, as DaData may order them.</summary>
    public static JsonObject WithBranches()
    {
        var head = Motorika()["suggestions"]![0]!.AsObject();
        JsonObject Branch(string kpp, string address)
        {
            var branch = (JsonObject)head.DeepClone();
            var data = branch["data"]!.AsObject();
            data["kpp"] = kpp;
            data["branch_type"] = "BRANCH";
            data["address"] = new JsonObject { ["value"] = address, ["unrestricted_value"] = address };
            return branch;
        }

        head["data"]!["branch_count"] = 2;
        return new JsonObject
        {
            ["suggestions"] = new JsonArray(
                Branch(BranchKpp, "г Москва, ул Тверская, д 1"),
                Branch(SecondBranchKpp, "Московская обл, г Люберцы, ул Мира, д 2"),
                head.DeepClone()),
        };
    }

    /// <summary>An individual entrepreneur: type INDIVIDUAL, 12-digit INN, OGRNIP, no KPP, the person's name in fio.</summary>
    public static JsonObject Entrepreneur()
    {
        var answer = Motorika();
        var suggestion = answer["suggestions"]![0]!.AsObject();
        suggestion["value"] = "ИП Чех Илья Игоревич";
        suggestion["unrestricted_value"] = "ИП Чех Илья Игоревич";
        var data = suggestion["data"]!.AsObject();
        data["type"] = "INDIVIDUAL";
        data["inn"] = EntrepreneurInn;
        data["ogrn"] = EntrepreneurOgrnip;
        data["kpp"] = null;
        data["okpo"] = null;
        data["management"] = null;
        data["branch_type"] = null;
        data["fio"] = new JsonObject { ["surname"] = "Чех", ["name"] = "Илья", ["patronymic"] = "Игоревич" };
        data["name"] = new JsonObject
        {
            ["full_with_opf"] = "Индивидуальный предприниматель Чех Илья Игоревич",
            ["short_with_opf"] = "ИП Чех Илья Игоревич",
            ["full"] = "Чех Илья Игоревич",
        };
        data["opf"] = new JsonObject { ["type"] = "2014", ["code"] = "50102", ["full"] = "Индивидуальный предприниматель", ["short"] = "ИП" };
        return answer;
    }

    private static JsonObject Data(JsonObject answer) => answer["suggestions"]![0]!["data"]!.AsObject();

    private static JsonObject Read(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "dadata", file)))!.AsObject();
}
