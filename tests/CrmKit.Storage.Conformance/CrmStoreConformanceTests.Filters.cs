using CrmKit.Core.Query;
using CrmKit.Core.Storage;

namespace CrmKit.Storage.Conformance;

public abstract partial class CrmStoreConformanceTests
{
    /// <summary>The names of <see cref="ConformanceFilterCases.All"/>.</summary>
    public static TheoryData<string> FilterCaseNames { get; } = new(ConformanceFilterCases.All.Keys);

    [SkippableTheory]
    [MemberData(nameof(FilterCaseNames), MemberType = typeof(CrmStoreConformanceTests))]
    public async Task Query_ShouldMatchExactlyTheExpectedRecords(string filterCase)
    {
        var (store, _) = await CreateDatasetStoreAsync();
        var (filter, expected) = ConformanceFilterCases.All[filterCase];

        var records = await QueryAsync(store, filter);

        SortedCodes(records).ShouldBe(expected);
        (await ReadAsync(store, s => s.CountAsync(Model, filter, false, Ct))).ShouldBe(records.Count);
    }

    [SkippableFact]
    public async Task Query_ShouldTreatSqlLookingValuesAsPlainValues()
    {
        var (store, _) = await CreateDatasetStoreAsync();
        var hostile = new[]
        {
            ConformanceDataset.SqlLookingName,
            "'; DROP TABLE e_item; --",
            "\"; DROP TABLE e_item; --",
            "') OR ('1'='1",
            "1; DELETE FROM e_item",
            "%' OR 1=1 --",
            "\\'; --",
            "$.name')) --",
        };

        foreach (var value in hostile)
        {
            await QueryAsync(store, ConformanceFilterCases.Cmp(ConformanceModel.Code, ComparisonOperator.Eq, value));
            await QueryAsync(store, ConformanceFilterCases.Cmp(ConformanceModel.Name, ComparisonOperator.Ne, value));
            await QueryAsync(store, new TextMatchFilter(ConformanceModel.Name, TextMatchKind.EndsWith, value));
            await QueryAsync(store, new HasFilter(ConformanceModel.Tags, value));
            await QueryAsync(store, ConformanceFilterCases.In(ConformanceModel.CompanyId, value, value + "x"));
            await QueryAsync(store, sort: [ConformanceModel.Asc(ConformanceModel.Name), ConformanceModel.Asc(ConformanceModel.Id)], after: [value, ConformanceRecords.NewId(3).ToString("D")]);
        }

        // Store a hostile value, then find it by equality.
        var record = ConformanceRecords.Create(20, ConformanceJson.Object(("code", "r20"), ("name", hostile[2]), ("tags", hostile)));
        await WriteAsync(store, s => s.InsertAsync(Model, [record], Ct));
        SortedCodes(await QueryAsync(store, ConformanceFilterCases.Cmp(ConformanceModel.Name, ComparisonOperator.Eq, hostile[2]))).ShouldBe("r20");
        SortedCodes(await QueryAsync(store, new HasFilter(ConformanceModel.Tags, hostile[7]))).ShouldBe("r20");

        (await ReadAsync(store, s => s.CountAsync(Model, null, false, Ct))).ShouldBe(9);
        (await ScanAllAsync(store, Model)).Count.ShouldBe(9);
    }

    [SkippableFact]
    public async Task Query_ShouldFilterEveryValueKind_WhenFieldsAreNotIndexed()
    {
        var (store, _) = await CreateDatasetStoreAsync();

        // Dropping the indexes must not change results.
        var plain = new EntityStorageModel(Model.Entity, [.. Model.Fields.Select(f => f with { Indexed = false, Unique = false })]);
        await WriteAsync(store, s => s.EnsureEntityStorageAsync(plain, Ct));

        foreach (var (name, (filter, expected)) in ConformanceFilterCases.All)
        {
            var records = await ReadAsync(store, s => s.QueryAsync(plain, new StoreQuery { Filter = filter, Sort = [ConformanceModel.Asc(ConformanceModel.Id)], Limit = 100 }, Ct));
            SortedCodes(records).ShouldBe(expected, name);
        }
    }

    [SkippableFact]
    public async Task Query_ShouldReturnAtMostLimitRecords()
    {
        var (store, _) = await CreateDatasetStoreAsync();

        Codes(await QueryAsync(store, limit: 3)).ShouldBe("r1,r2,r3");
        (await QueryAsync(store, limit: 0)).ShouldBeEmpty();
        (await QueryAsync(store, limit: 100)).Count.ShouldBe(8);
    }
}
