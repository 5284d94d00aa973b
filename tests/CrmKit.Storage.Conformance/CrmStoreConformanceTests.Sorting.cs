using CrmKit.Core.Query;
using CrmKit.Core.Storage;
using static CrmKit.Storage.Conformance.ConformanceModel;

namespace CrmKit.Storage.Conformance;

public abstract partial class CrmStoreConformanceTests
{
    /// <summary>Sorts over <see cref="ConformanceDataset"/> and the order each must give. Every sort ends with the id, as Core's do.</summary>
    public static IReadOnlyDictionary<string, (SortKey[] Sort, string Expected)> SortCases { get; } =
        new Dictionary<string, (SortKey[], string)>(StringComparer.Ordinal)
        {
            ["id"] = ([Asc(Id)], "r1,r2,r3,r4,r5,r6,r7,r8"),
            ["id_desc"] = ([Desc(Id)], "r8,r7,r6,r5,r4,r3,r2,r1"),
            ["text_asc_nulls_first_ordinal"] = ([Asc(Name), Asc(Id)], "r6,r5,r1,r2,r3,r8,r7,r4"),
            ["text_desc_nulls_last"] = ([Desc(Name), Asc(Id)], "r4,r7,r8,r3,r2,r1,r5,r6"),
            ["integer_asc"] = ([Asc(Qty), Asc(Id)], "r6,r3,r4,r7,r5,r1,r2,r8"),
            ["decimal_desc_ties_by_id"] = ([Desc(Price), Asc(Id)], "r3,r8,r1,r6,r4,r7,r2,r5"),
            ["decimal_desc_ties_by_id_desc"] = ([Desc(Price), Desc(Id)], "r3,r8,r1,r6,r7,r4,r2,r5"),
            ["boolean_then_integer_desc"] = ([Asc(Active), Desc(Qty), Asc(Id)], "r5,r6,r2,r7,r4,r8,r1,r3"),
            ["money_asc"] = ([Asc(Budget), Asc(Id)], "r5,r6,r7,r4,r3,r1,r8,r2"),
            ["datetime_desc"] = ([Desc(SeenAt), Asc(Id)], "r2,r8,r1,r3,r4,r5,r6,r7"),
            ["date_then_created_desc"] = ([Asc(Born), Desc(CreatedAt), Asc(Id)], "r7,r6,r5,r4,r2,r8,r1,r3"),
            ["reference_then_owner"] = ([Asc(CompanyId), Desc(OwnerId), Asc(Id)], "r4,r5,r6,r7,r3,r1,r2,r8"),
        };

    /// <summary>The names of <see cref="SortCases"/>.</summary>
    public static TheoryData<string> SortCaseNames { get; } = new(SortCases.Keys);

    /// <summary>Sorts for the keyset-paging walk.</summary>
    public static IReadOnlyDictionary<string, SortKey[]> PagingSorts { get; } = new Dictionary<string, SortKey[]>(StringComparer.Ordinal)
    {
        ["id"] = [Asc(Id)],
        ["id_desc"] = [Desc(Id)],
        ["text_asc"] = [Asc(Name), Asc(Id)],
        ["text_desc"] = [Desc(Name), Asc(Id)],
        ["text_desc_id_desc"] = [Desc(Name), Desc(Id)],
        ["integer_desc_decimal_asc"] = [Desc(Qty), Asc(Price), Asc(Id)],
        ["decimal_desc"] = [Desc(Price), Asc(Id)],
        ["boolean_datetime_desc"] = [Asc(Active), Desc(SeenAt), Asc(Id)],
        ["money_asc_text_desc"] = [Asc(Budget), Desc(Name), Asc(Id)],
        ["date_desc_integer_asc_text_asc"] = [Desc(Born), Asc(Qty), Asc(Name), Desc(Id)],
        ["owner_updated"] = [Asc(OwnerId), Desc(UpdatedAt), Asc(Id)],
    };

    /// <summary>The names of <see cref="PagingSorts"/>.</summary>
    public static TheoryData<string> PagingSortNames { get; } = new(PagingSorts.Keys);

    [SkippableTheory]
    [MemberData(nameof(SortCaseNames), MemberType = typeof(CrmStoreConformanceTests))]
    public async Task Query_ShouldSortWithNullsFirstAscendingAndLastDescending(string sortCase)
    {
        var (store, records) = await CreateDatasetStoreAsync();
        var (sort, expected) = SortCases[sortCase];

        var sorted = await QueryAsync(store, sort: sort);

        Codes(sorted).ShouldBe(expected);
        Codes(ConformanceRecords.Sort(records, sort)).ShouldBe(expected);
    }

    [SkippableTheory]
    [MemberData(nameof(PagingSortNames), MemberType = typeof(CrmStoreConformanceTests))]
    public async Task Query_ShouldWalkEveryRecordOnceInOrder_WhenPagingByKeyset(string sortCase)
    {
        var store = await CreateReadyStoreAsync();
        var records = CreatePagingRecords(75);
        await WriteAsync(store, s => s.InsertAsync(Model, records, Ct));
        var sort = PagingSorts[sortCase];

        var unpaged = await QueryAsync(store, sort: sort);
        var paged = await WalkPagesAsync(store, sort, null, deleted: false, pageSize: 7);

        unpaged.Select(r => r.Id).ShouldBe(ConformanceRecords.Sort(records, sort).Select(r => r.Id));
        paged.Select(r => r.Id).ShouldBe(unpaged.Select(r => r.Id));
        paged.Select(r => r.Id).Distinct().Count().ShouldBe(75);
    }

    [SkippableFact]
    public async Task Query_ShouldPageFilteredAndDeletedRecords()
    {
        var store = await CreateReadyStoreAsync();
        var records = CreatePagingRecords(60);
        await WriteAsync(store, s => s.InsertAsync(Model, records, Ct));
        await WriteAsync(store, async s =>
        {
            for (var i = 0; i < records.Count; i += 3)
            {
                (await s.UpdateAsync(Model, ConformanceRecords.Next(records[i], deletedAt: ConformanceRecords.BaseTime.AddDays(i)), 1, Ct)).ShouldBeTrue();
            }
        });
        SortKey[] sort = [Desc(Name), Asc(Qty), Asc(Id)];
        var filter = new LogicalFilter(LogicalOperator.Or, [ConformanceFilterCases.Cmp(Qty, ComparisonOperator.Ne, 2L), new NotFilter(ConformanceFilterCases.Cmp(Active, ComparisonOperator.Eq, true))]);

        foreach (var deleted in new[] { false, true })
        {
            var unpaged = await QueryAsync(store, filter, sort, deleted: deleted);
            var paged = await WalkPagesAsync(store, sort, filter, deleted, pageSize: 7);

            unpaged.Count.ShouldBeGreaterThan(7);
            unpaged.ShouldAllBe(r => (r.DeletedAt != null) == deleted);
            paged.Select(r => r.Id).ShouldBe(unpaged.Select(r => r.Id));
        }
    }

    [SkippableFact]
    public async Task Query_ShouldReturnNothing_WhenPositionIsAfterTheLastRecord()
    {
        var (store, records) = await CreateDatasetStoreAsync();
        SortKey[] sort = [Desc(Name), Asc(Id)];
        var last = ConformanceRecords.Sort(records, sort)[^1];

        var page = await QueryAsync(store, sort: sort, after: [ConformanceRecords.Value(last, Name), ConformanceRecords.Value(last, Id)]);

        page.ShouldBeEmpty();
    }

    /// <summary>Builds records with few distinct values per field, many ties and gaps, for paging.</summary>
    /// <param name="count">How many.</param>
    /// <returns>The records, in id order.</returns>
    protected static List<StoredRecord> CreatePagingRecords(int count)
    {
        var random = new Random(20240506);
        string?[] names = ["a", "B", "b", "c", null, "a b", "Ä"];
        long?[] quantities = [null, 1, 2, 3, -1];
        decimal?[] prices = [null, 0.1m, 0.2m, 0.3m, 0.30m, 1.10m, 12345678901234.56m];
        bool?[] flags = [null, true, false];
        string?[] dates = [null, "2024-01-01", "2024-01-02"];
        string?[] instants = [null, "2024-01-01T00:00:00.0000000Z", "2024-01-01T00:00:00.0000001Z", "2023-06-30T12:00:00.5000000Z"];
        decimal?[] amounts = [null, 0m, 10.5m, -3m];
        string?[] owners = [null, "u1", "u2"];
        T Pick<T>(T[] values) => values[random.Next(values.Length)];

        var records = new List<StoredRecord>();
        for (var i = 0; i < count; i++)
        {
            var properties = new List<(string, object?)> { ("code", "p" + i) };
            void Add(string name, object? value)
            {
                // Leave some fields out entirely and write others as JSON null: both mean "no value".
                if (value is not null || random.Next(2) == 0)
                {
                    properties.Add((name, value));
                }
            }

            Add("name", Pick(names));
            Add("qty", Pick(quantities));
            Add("price", Pick(prices));
            Add("active", Pick(flags));
            Add("born", Pick(dates));
            Add("seen_at", Pick(instants));
            Add("budget", Pick(amounts) is { } amount ? new ConformanceMoney(amount, "RUB") : null);
            var record = ConformanceRecords.Create(i, ConformanceJson.Object([.. properties]));
            records.Add(new StoredRecord
            {
                Id = record.Id,
                Version = 1,
                CreatedAt = record.CreatedAt,
                CreatedBy = record.CreatedBy,
                UpdatedAt = ConformanceRecords.BaseTime.AddMinutes(random.Next(3)),
                UpdatedBy = record.UpdatedBy,
                OwnerId = Pick(owners),
                Data = record.Data,
            });
        }

        return records;
    }

    /// <summary>Reads every page of a query, passing the last record's sort values as the position of the next page.</summary>
    /// <param name="store">The store.</param>
    /// <param name="sort">The sort.</param>
    /// <param name="filter">The filter.</param>
    /// <param name="deleted">Whether to read deleted records.</param>
    /// <param name="pageSize">The page size.</param>
    /// <returns>The records of all pages in order.</returns>
    protected static async Task<List<StoredRecord>> WalkPagesAsync(ICrmStore store, IReadOnlyList<SortKey> sort, FilterNode? filter, bool deleted, int pageSize)
    {
        var all = new List<StoredRecord>();
        IReadOnlyList<object?>? after = null;
        for (var pages = 0; pages < 1000; pages++)
        {
            var page = await QueryAsync(store, filter, sort, pageSize, deleted, after);
            page.Count.ShouldBeLessThanOrEqualTo(pageSize);
            all.AddRange(page);
            if (page.Count < pageSize)
            {
                return all;
            }

            after = [.. sort.Select(k => ConformanceRecords.Value(page[^1], k.Field))];
        }

        throw new InvalidOperationException("Paging did not end.");
    }
}
