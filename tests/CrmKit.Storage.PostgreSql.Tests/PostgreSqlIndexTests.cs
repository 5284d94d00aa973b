using CrmKit.Core.Query;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Fields;
using CrmKit.Storage.Conformance;
using Npgsql;

namespace CrmKit.Storage.PostgreSql.Tests;

/// <summary>Entity tables, their expression indexes and the plans that use them; unique violations by index name.</summary>
public sealed class PostgreSqlIndexTests : PostgreSqlStoreFixture
{
    private Task<string?> IndexDefinitionAsync(string name) =>
        Database.ScalarAsync($"SELECT indexdef FROM pg_indexes WHERE indexname = '{name}'").ContinueWith(t => (string?)t.Result, TaskScheduler.Default);

    private async Task<List<string?>> IndexNamesAsync(string table) =>
        await Database.ColumnAsync($"SELECT indexname FROM pg_indexes WHERE tablename = '{table}' ORDER BY indexname");

    [SkippableFact]
    public async Task EnsureEntityStorage_ShouldCreateTheTableWithTypedColumns()
    {
        var store = await CreateReadyStoreAsync();
        var record = ConformanceRecords.Create(1, """{"code":"r1", "price":0.10,"big":79228162514264337593543950335}""");
        await WriteAsync(store, s => s.InsertAsync(Model, [record], Ct));

        (await Database.ColumnAsync(
            "SELECT column_name || ' ' || data_type || coalesce(' ' || collation_name, '') FROM information_schema.columns " +
            "WHERE table_name = 'e_item' ORDER BY ordinal_position")).ShouldBe(new List<string?>
        {
            "id uuid", "version bigint", "created_at text C", "created_by text C", "updated_at text C", "updated_by text C",
            "owner_id text C", "deleted_at text C", "data_text text", "data jsonb",
        });
        (await Database.ScalarAsync("SELECT id::text FROM e_item")).ShouldBe(record.Id.ToString("D"));
        (await Database.ScalarAsync("SELECT created_at FROM e_item")).ShouldBe("2024-05-06T07:09:09.1234567Z");
        (await Database.ScalarAsync("SELECT data_text FROM e_item")).ShouldBe("""{"code":"r1", "price":0.10,"big":79228162514264337593543950335}""");
        (await Database.ScalarAsync("SELECT data ->> 'price' FROM e_item")).ShouldBe("0.10");
        (await Database.ScalarAsync("SELECT (data -> 'big')::numeric = 79228162514264337593543950335 FROM e_item")).ShouldBe(true);
    }

    [SkippableFact]
    public async Task EnsureEntityStorage_ShouldCreateTypedExpressionIndexes_AndPartialUniqueIndexes()
    {
        await CreateReadyStoreAsync();

        (await IndexNamesAsync("e_item")).ShouldBe(new List<string?>
        {
            "e_item_pkey", "ix_item__budget", "ix_item__company_id", "ix_item__name", "ix_item__price", "ix_item__qty", "ix_item__seen_at",
            "ux_item__email",
        });
        (await IndexDefinitionAsync("ux_item__email")).ShouldBe(
            "CREATE UNIQUE INDEX ux_item__email ON public.e_item USING btree (((data ->> 'email'::text)) COLLATE \"C\") WHERE (deleted_at IS NULL)");
        (await IndexDefinitionAsync("ix_item__qty"))!.ShouldContain("THEN ((data ->> 'qty'::text))::numeric");
        (await IndexDefinitionAsync("ix_item__qty"))!.ShouldEndWith("NULLS FIRST)");
        (await IndexDefinitionAsync("ix_item__budget"))!.ShouldContain("->> 'amount'::text))::numeric");
        (await Database.ScalarAsync("SELECT obj_description('ix_item__qty'::regclass, 'pg_class')"))
            .ShouldBe("crmkit: CREATE INDEX \"ix_item__qty\" ON \"e_item\" ((CASE WHEN jsonb_typeof(data -> 'qty') = 'number' THEN (data ->> 'qty')::numeric END) NULLS FIRST)");
    }

    [SkippableFact]
    public async Task EnsureEntityStorage_ShouldDropTheIndexesOfFieldsNoLongerIndexed_AndKeepOthersIndexes()
    {
        var store = await CreateReadyStoreAsync();
        await Database.ScalarAsync("CREATE INDEX my_own_index ON e_item (created_by)");

        await WriteAsync(store, s => s.EnsureEntityStorageAsync(ConformanceModel.Create(emailUnique: false, nameIndexed: false), Ct));

        var names = await IndexNamesAsync("e_item");
        names.ShouldNotContain("ux_item__email");
        names.ShouldNotContain("ix_item__name");
        names.ShouldContain("ix_item__qty");
        names.ShouldContain("my_own_index");
    }

    [SkippableFact]
    public async Task EnsureEntityStorage_ShouldRebuildAnIndex_WhenTheFieldKindOrItsDefinitionChanges()
    {
        var store = await CreateReadyStoreAsync();
        var changed = new EntityStorageModel(Model.Entity, [new StorageField("name", FieldValueKind.Money, true, false)]);

        // The table exists: the new definition is built in the background (PostgreSqlIndexBuildTests).
        await WriteAsync(store, s => s.EnsureEntityStorageAsync(changed, Ct));
        await store.IndexBuilderIdle;

        (await IndexDefinitionAsync("ix_item__name"))!.ShouldContain("'amount'");
        (await Database.ColumnAsync("SELECT indexname FROM pg_indexes WHERE tablename = 'e_item' AND indexname LIKE 'ix\\_%'")).Count.ShouldBe(1);

        // An index whose comment no longer matches (a definition from another version, or a build that failed) is rebuilt.
        await Database.ScalarAsync("COMMENT ON INDEX ix_item__name IS NULL");
        await WriteAsync(store, s => s.EnsureEntityStorageAsync(changed, Ct));
        await store.IndexBuilderIdle;
        (await Database.ScalarAsync("SELECT obj_description('ix_item__name'::regclass, 'pg_class')"))!.ToString()!.ShouldStartWith("crmkit: ");
    }

    [SkippableFact]
    public async Task EnsureEntityStorage_ShouldIndexAMultiValueFieldForHas()
    {
        var store = await CreateReadyStoreAsync();
        var model = new EntityStorageModel("tagged", [new StorageField("tags", FieldValueKind.TextArray, true, false)]);
        await WriteAsync(store, s => s.EnsureEntityStorageAsync(model, Ct));
        var records = Enumerable.Range(0, 20_000)
            .Select(i => ConformanceRecords.Create(i, ConformanceJson.Object(("tags", new[] { "t" + (i % 4000), "all" }))))
            .ToList();
        await WriteAsync(store, s => s.InsertAsync(model, records, Ct));
        await Database.ScalarAsync("ANALYZE e_tagged");

        await using var session = await store.BeginSessionAsync(write: false, Ct);
        var query = new StoreQuery
        {
            Filter = new HasFilter(new FieldReference("tags", FieldValueKind.TextArray, false), "t7"),
            Sort = [ConformanceModel.Asc(ConformanceModel.Id)],
            Limit = 100,
        };
        var plan = await session.ExplainAsync(model, query, Ct);

        (await IndexDefinitionAsync("ix_tagged__tags"))!.ShouldContain("USING gin");
        plan.UsesIndex("ix_tagged__tags").ShouldBeTrue(string.Join(" | ", plan.Lines));
        (await session.QueryAsync(model, query, Ct)).Count.ShouldBe(5);
    }

    [SkippableTheory]
    [InlineData("name", "ix_item__name")]
    [InlineData("qty", "ix_item__qty")]
    [InlineData("price", "ix_item__price")]
    [InlineData("budget", "ix_item__budget")]
    [InlineData("seen_at", "ix_item__seen_at")]
    [InlineData("company_id", "ix_item__company_id")]
    [InlineData("email", "ux_item__email")]
    public async Task Explain_ShouldUseTheFieldIndex_ForEquality(string field, string index)
    {
        var store = await CreateAnalyzedStoreAsync();
        var reference = Model.Fields.Single(f => f.Name == field);
        object value = reference.Kind switch
        {
            FieldValueKind.Integer => 5L,
            FieldValueKind.Decimal or FieldValueKind.Money => 5.25m,
            FieldValueKind.Reference => Guid.NewGuid().ToString("D"),
            _ => "x",
        };
        var query = new StoreQuery
        {
            Filter = new ComparisonFilter(new FieldReference(field, reference.Kind, false), ComparisonOperator.Eq, value),
            Sort = [ConformanceModel.Asc(ConformanceModel.Id)],
            Limit = 10,
        };
        await using var session = await store.BeginSessionAsync(write: false, Ct);

        var plan = await session.ExplainAsync(Model, query, Ct);

        plan.UsesIndex(index).ShouldBeTrue(string.Join(" | ", plan.Lines) + " :: " + plan.Sql);
        plan.Sql.ShouldNotContain("5.25");
        plan.Sql.ShouldNotContain("'x'");
    }

    [SkippableFact]
    public async Task Explain_ShouldUseTheIndex_ForRangesSortsAndKeysetPages()
    {
        var store = await CreateAnalyzedStoreAsync();
        await using var session = await store.BeginSessionAsync(write: false, Ct);

        var range = await session.ExplainAsync(Model, new StoreQuery
        {
            Filter = new ComparisonFilter(ConformanceModel.Budget, ComparisonOperator.Gt, 2990m),
            Sort = [ConformanceModel.Asc(ConformanceModel.Budget), ConformanceModel.Asc(ConformanceModel.Id)],
            Limit = 10,
        }, Ct);
        var sorted = await session.ExplainAsync(Model, new StoreQuery
        {
            Sort = [ConformanceModel.Desc(ConformanceModel.Name), ConformanceModel.Asc(ConformanceModel.Id)],
            Limit = 10,
        }, Ct);
        var nextPage = await session.ExplainAsync(Model, new StoreQuery
        {
            Sort = [ConformanceModel.Asc(ConformanceModel.Qty), ConformanceModel.Asc(ConformanceModel.Id)],
            After = [2900L, ConformanceRecords.NewId(2900).ToString("D")],
            Limit = 10,
        }, Ct);

        range.UsesIndex("ix_item__budget").ShouldBeTrue(string.Join(" | ", range.Lines));
        sorted.UsesIndex("ix_item__name").ShouldBeTrue(string.Join(" | ", sorted.Lines));
        nextPage.UsesIndex("ix_item__qty").ShouldBeTrue(string.Join(" | ", nextPage.Lines));
    }

    [SkippableFact]
    public async Task UniqueViolation_ShouldNameTheField_WhenNamesExceedPostgreSqlsIdentifierLength()
    {
        var store = await CreateReadyStoreAsync();
        var entity = "e" + new string('x', 62);
        var first = "f" + new string('a', 61) + "1";
        var second = "f" + new string('a', 61) + "2";
        var model = new EntityStorageModel(entity, [new StorageField(first, FieldValueKind.Text, true, true), new StorageField(second, FieldValueKind.Integer, true, true)]);
        await WriteAsync(store, s => s.EnsureEntityStorageAsync(model, Ct));
        await WriteAsync(store, s => s.InsertAsync(model, [ConformanceRecords.Create(1, ConformanceJson.Object((first, "a"), (second, 1L)))], Ct));

        await using var session = await store.BeginSessionAsync(write: true, Ct);
        var one = await Should.ThrowAsync<UniqueConstraintException>(() => session.InsertAsync(model, [ConformanceRecords.Create(2, ConformanceJson.Object((first, "a"), (second, 2L)))], Ct));
        var two = await Should.ThrowAsync<UniqueConstraintException>(() => session.InsertAsync(model, [ConformanceRecords.Create(3, ConformanceJson.Object((first, "b"), (second, 1.0m)))], Ct));

        (one.Entity, one.Field).ShouldBe((entity, first));
        (two.Entity, two.Field).ShouldBe((entity, second));
        var table = PostgreSqlSql.TableName(entity);
        table.Length.ShouldBeLessThanOrEqualTo(63);
        (await Database.ScalarAsync($"SELECT count(*) FROM pg_indexes WHERE tablename = '{table}'")).ShouldBe(5L);
        await session.InsertAsync(model, [ConformanceRecords.Create(4, ConformanceJson.Object((first, "c"), (second, 3L)))], Ct);
        await session.CommitAsync(Ct);
    }

    [SkippableFact]
    public async Task Query_ShouldCompareDecimalsExactly()
    {
        var store = await CreateReadyStoreAsync();
        await WriteAsync(store, s => s.InsertAsync(Model,
        [
            ConformanceRecords.Create(1, """{"code":"a","price":0.1}"""),
            ConformanceRecords.Create(2, """{"code":"b","price":0.10000000000000000001}"""),
            ConformanceRecords.Create(3, """{"code":"c","price":0.1000000000000000000}"""),
        ], Ct));

        // SQLite compares these as IEEE doubles, where all three are equal; numeric keeps them apart.
        var equal = await ReadAsync(store, s => s.QueryAsync(Model, new StoreQuery
        {
            Filter = new ComparisonFilter(ConformanceModel.Price, ComparisonOperator.Eq, 0.1m),
            Sort = [ConformanceModel.Asc(ConformanceModel.Id)],
            Limit = 10,
        }, Ct));
        var sorted = await ReadAsync(store, s => s.QueryAsync(Model, new StoreQuery
        {
            Sort = [ConformanceModel.Desc(ConformanceModel.Price), ConformanceModel.Asc(ConformanceModel.Id)],
            Limit = 10,
        }, Ct));

        equal.Select(ConformanceRecords.Code).ShouldBe(["a", "c"]);
        sorted.Select(ConformanceRecords.Code).ShouldBe(["b", "a", "c"]);
    }

    /// <summary>A ready store with 3,000 records of spread values, analyzed, so that the planner prefers the indexes.</summary>
    private async Task<PostgreSqlCrmStore> CreateAnalyzedStoreAsync()
    {
        var store = await CreateReadyStoreAsync();
        var records = Enumerable.Range(0, 3000).Select(i => ConformanceRecords.Create(i, ConformanceJson.Object(
            ("code", "c" + i), ("name", "n" + i), ("email", $"u{i}@example.com"), ("qty", (long)i), ("price", i + 0.25m),
            ("seen_at", CanonicalInstant.ToText(ConformanceRecords.BaseTime.AddMinutes(i))), ("budget", new ConformanceMoney(i, "RUB")),
            ("company_id", Guid.CreateVersion7())))).ToList();
        await WriteAsync(store, s => s.InsertAsync(Model, records, Ct));
        await Database.ScalarAsync("ANALYZE e_item");
        return store;
    }
}
