using CrmKit.Core.Query;
using CrmKit.Core.Storage;
using static CrmKit.Storage.Conformance.ConformanceModel;

namespace CrmKit.Storage.Conformance;

/// <summary>
/// Filters over <see cref="ConformanceDataset"/> with the codes each must match, for every node kind, operator and
/// value kind. Names are stable test-case ids.
/// </summary>
public static class ConformanceFilterCases
{
    private static readonly string G1 = ConformanceDataset.CompanyG1.ToString("D");
    private static readonly string G2 = ConformanceDataset.CompanyG2.ToString("D");

    /// <summary>Case name → (filter, expected codes in code order, comma-separated).</summary>
    public static IReadOnlyDictionary<string, (FilterNode Filter, string Expected)> All { get; } = Build();

    /// <summary>A comparison.</summary>
    /// <param name="field">The field.</param>
    /// <param name="op">The operator.</param>
    /// <param name="value">The typed value.</param>
    /// <returns>The filter.</returns>
    public static ComparisonFilter Cmp(FieldReference field, ComparisonOperator op, object? value) => new(field, op, value);

    /// <summary>An and.</summary>
    /// <param name="operands">The operands.</param>
    /// <returns>The filter.</returns>
    public static LogicalFilter And(params FilterNode[] operands) => new(LogicalOperator.And, operands);

    /// <summary>An or.</summary>
    /// <param name="operands">The operands.</param>
    /// <returns>The filter.</returns>
    public static LogicalFilter Or(params FilterNode[] operands) => new(LogicalOperator.Or, operands);

    /// <summary>A not.</summary>
    /// <param name="operand">The operand.</param>
    /// <returns>The filter.</returns>
    public static NotFilter Not(FilterNode operand) => new(operand);

    /// <summary>An in.</summary>
    /// <param name="field">The field.</param>
    /// <param name="values">The values.</param>
    /// <returns>The filter.</returns>
    public static InFilter In(FieldReference field, params object[] values) => new(field, values);

    private static Dictionary<string, (FilterNode, string)> Build()
    {
        const ComparisonOperator eq = ComparisonOperator.Eq, ne = ComparisonOperator.Ne, gt = ComparisonOperator.Gt,
            ge = ComparisonOperator.Ge, lt = ComparisonOperator.Lt, le = ComparisonOperator.Le;
        var all = "r1,r2,r3,r4,r5,r6,r7,r8";
        return new Dictionary<string, (FilterNode, string)>(StringComparer.Ordinal)
        {
            // Text: ordinal and case-sensitive; eq null = no value; ne matches records without a value.
            ["text_eq"] = (Cmp(Name, eq, "Alice"), "r1"),
            ["text_eq_case_sensitive"] = (Cmp(Name, eq, "alice"), "r7"),
            ["text_eq_no_match"] = (Cmp(Name, eq, "ALICE"), ""),
            ["text_ne"] = (Cmp(Name, ne, "Alice"), "r2,r3,r4,r5,r6,r7,r8"),
            ["text_eq_null"] = (Cmp(Name, eq, null), "r6"),
            ["text_ne_null"] = (Cmp(Name, ne, null), "r1,r2,r3,r4,r5,r7,r8"),
            ["text_gt"] = (Cmp(Name, gt, "Bob"), "r3,r4,r7,r8"),
            ["text_ge"] = (Cmp(Name, ge, "Bob"), "r2,r3,r4,r7,r8"),
            ["text_lt"] = (Cmp(Name, lt, "Bob"), "r1,r5"),
            ["text_le"] = (Cmp(Name, le, "Alice"), "r1,r5"),
            ["text_gt_null_matches_nothing"] = (Cmp(Name, gt, null), ""),
            ["text_missing_field_eq_null"] = (Cmp(Email, eq, null), "r3,r5,r6,r7"),

            // Integer.
            ["integer_eq"] = (Cmp(Qty, eq, 0L), "r4"),
            ["integer_ne"] = (Cmp(Qty, ne, 10L), "r2,r3,r4,r5,r6,r7,r8"),
            ["integer_gt"] = (Cmp(Qty, gt, 7L), "r1,r2,r8"),
            ["integer_ge"] = (Cmp(Qty, ge, 7L), "r1,r2,r5,r8"),
            ["integer_lt"] = (Cmp(Qty, lt, 0L), "r3"),
            ["integer_le"] = (Cmp(Qty, le, 3L), "r3,r4,r7"),
            ["integer_eq_null"] = (Cmp(Qty, eq, null), "r6"),
            ["integer_ne_null"] = (Cmp(Qty, ne, null), "r1,r2,r3,r4,r5,r7,r8"),

            // Decimal: 0.3 and 0.30 are the same number.
            ["decimal_eq"] = (Cmp(Price, eq, 0.3m), "r4,r7"),
            ["decimal_eq_tenth"] = (Cmp(Price, eq, 0.1m), "r2"),
            ["decimal_eq_large"] = (Cmp(Price, eq, 12345678901234.56m), "r3"),
            ["decimal_ne"] = (Cmp(Price, ne, 0.30m), "r1,r2,r3,r5,r6,r8"),
            ["decimal_gt"] = (Cmp(Price, gt, 10m), "r1,r3,r8"),
            ["decimal_ge"] = (Cmp(Price, ge, 12345678901234.56m), "r3"),
            ["decimal_lt"] = (Cmp(Price, lt, 0.3m), "r2"),
            ["decimal_le"] = (Cmp(Price, le, 0.3m), "r2,r4,r7"),
            ["decimal_eq_null"] = (Cmp(Price, eq, null), "r5"),

            // Boolean.
            ["boolean_eq_true"] = (Cmp(Active, eq, true), "r1,r3,r8"),
            ["boolean_eq_false"] = (Cmp(Active, eq, false), "r2,r4,r7"),
            ["boolean_ne_true"] = (Cmp(Active, ne, true), "r2,r4,r5,r6,r7"),
            ["boolean_eq_null"] = (Cmp(Active, eq, null), "r5,r6"),

            // Date.
            ["date_eq"] = (Cmp(Born, eq, "1990-01-15"), "r1,r8"),
            ["date_ne"] = (Cmp(Born, ne, "1990-01-15"), "r2,r3,r4,r5,r6,r7"),
            ["date_gt"] = (Cmp(Born, gt, "1990-01-15"), "r3"),
            ["date_ge"] = (Cmp(Born, ge, "1990-01-15"), "r1,r3,r8"),
            ["date_lt"] = (Cmp(Born, lt, "1990-01-01"), "r2"),
            ["date_le"] = (Cmp(Born, le, "1990-01-15"), "r1,r2,r8"),

            // Date and time: canonical text, one tick apart.
            ["datetime_eq"] = (Cmp(SeenAt, eq, "2024-03-01T10:00:00.0000001Z"), "r8"),
            ["datetime_gt"] = (Cmp(SeenAt, gt, "2024-03-01T10:00:00.0000000Z"), "r2,r8"),
            ["datetime_ge"] = (Cmp(SeenAt, ge, "2024-03-01T10:00:00.0000000Z"), "r1,r2,r8"),
            ["datetime_lt"] = (Cmp(SeenAt, lt, "2024-01-01T00:00:00.0000000Z"), "r3"),
            ["datetime_le"] = (Cmp(SeenAt, le, "2024-03-01T10:00:00.0000000Z"), "r1,r3"),
            ["datetime_eq_null_includes_json_null"] = (Cmp(SeenAt, eq, null), "r4,r5,r6,r7"),

            // Money compares by amount.
            ["money_eq"] = (Cmp(Budget, eq, 100.25m), "r1,r8"),
            ["money_eq_integer_amount"] = (Cmp(Budget, eq, 1000m), "r2"),
            ["money_gt"] = (Cmp(Budget, gt, 100m), "r1,r2,r8"),
            ["money_ge"] = (Cmp(Budget, ge, 1000m), "r2"),
            ["money_lt"] = (Cmp(Budget, lt, 0m), "r4"),
            ["money_le"] = (Cmp(Budget, le, 0.01m), "r3,r4"),
            ["money_ne"] = (Cmp(Budget, ne, 100.25m), "r2,r3,r4,r5,r6,r7"),
            ["money_eq_null"] = (Cmp(Budget, eq, null), "r5,r6,r7"),

            // Reference.
            ["reference_eq"] = (Cmp(CompanyId, eq, G1), "r1,r3"),
            ["reference_ne"] = (Cmp(CompanyId, ne, G1), "r2,r4,r5,r6,r7,r8"),
            ["reference_eq_null"] = (Cmp(CompanyId, eq, null), "r4,r5,r6,r7"),
            ["reference_in"] = (In(CompanyId, G1, G2), "r1,r2,r3,r8"),

            // Text array.
            ["has"] = (new HasFilter(Tags, "vip"), "r1,r4"),
            ["has_other"] = (new HasFilter(Tags, "new"), "r1,r2"),
            ["has_no_match"] = (new HasFilter(Tags, "none"), ""),
            ["not_has"] = (Not(new HasFilter(Tags, "vip")), "r2,r3,r5,r6,r7,r8"),

            // In.
            ["in_text"] = (In(Name, "Alice", "Bob", "zzz"), "r1,r2"),
            ["in_integer"] = (In(Qty, 0L, 7L), "r4,r5"),
            ["in_decimal"] = (In(Price, 0.1m, 0.3m), "r2,r4,r7"),
            ["in_boolean"] = (In(Active, true), "r1,r3,r8"),
            ["in_date"] = (In(Born, "1990-01-15", "2000-02-29"), "r1,r3,r8"),
            ["in_money"] = (In(Budget, 1000m, -50m), "r2,r4"),
            ["in_single"] = (In(Name, "Bob"), "r2"),
            ["not_in"] = (Not(In(Name, "Alice", "Bob")), "r3,r4,r5,r6,r7,r8"),

            // Text matching: ordinal, case-sensitive, '%' and '_' are plain characters.
            ["contains"] = (new TextMatchFilter(Name, TextMatchKind.Contains, "lic"), "r1,r7"),
            ["contains_case_sensitive"] = (new TextMatchFilter(Name, TextMatchKind.Contains, "LIC"), ""),
            ["contains_percent"] = (new TextMatchFilter(Name, TextMatchKind.Contains, "%"), "r3,r8"),
            ["contains_percent_after_digits"] = (new TextMatchFilter(Name, TextMatchKind.Contains, "100%"), "r3"),
            ["contains_underscore"] = (new TextMatchFilter(Name, TextMatchKind.Contains, "_"), "r4,r5,r8"),
            ["contains_wildcard_pattern_is_literal"] = (new TextMatchFilter(Name, TextMatchKind.Contains, "A%"), ""),
            ["contains_underscore_pattern_is_literal"] = (new TextMatchFilter(Name, TextMatchKind.Contains, "B_b"), ""),
            ["contains_empty"] = (new TextMatchFilter(Name, TextMatchKind.Contains, ""), "r1,r2,r3,r4,r5,r7,r8"),
            ["startswith"] = (new TextMatchFilter(Name, TextMatchKind.StartsWith, "Al"), "r1"),
            ["startswith_underscore_literal"] = (new TextMatchFilter(Name, TextMatchKind.StartsWith, "dave_"), "r4"),
            ["startswith_wildcard_literal"] = (new TextMatchFilter(Name, TextMatchKind.StartsWith, "_"), ""),
            ["startswith_quote"] = (new TextMatchFilter(Name, TextMatchKind.StartsWith, "'"), "r5"),
            ["startswith_longer_than_value"] = (new TextMatchFilter(Name, TextMatchKind.StartsWith, "Alice and more"), ""),
            ["endswith"] = (new TextMatchFilter(Name, TextMatchKind.EndsWith, "_x"), "r4"),
            ["endswith_percent"] = (new TextMatchFilter(Name, TextMatchKind.EndsWith, "%"), "r3,r8"),
            ["endswith_underscore_percent"] = (new TextMatchFilter(Name, TextMatchKind.EndsWith, "_%"), "r8"),
            ["endswith_longer_than_value"] = (new TextMatchFilter(Name, TextMatchKind.EndsWith, "xBob"), ""),
            ["not_contains"] = (Not(new TextMatchFilter(Name, TextMatchKind.Contains, "%")), "r1,r2,r4,r5,r6,r7"),

            // SQL-looking values are plain values.
            ["sql_value_eq"] = (Cmp(Name, eq, ConformanceDataset.SqlLookingName), "r5"),
            ["sql_value_contains"] = (new TextMatchFilter(Name, TextMatchKind.Contains, "'; DROP"), "r5"),
            ["sql_value_or_true"] = (Cmp(Code, eq, "x' OR '1'='1"), ""),
            ["sql_value_in"] = (In(Name, "') OR 1=1 --", "\"; DELETE FROM e_item; --"), ""),

            // Logic. Not is two-valued: it matches exactly what its operand does not, records without a value included.
            ["and"] = (And(Cmp(Active, eq, true), Cmp(Qty, gt, 5L)), "r1,r8"),
            ["or"] = (Or(Cmp(Name, eq, "Bob"), Cmp(Qty, lt, 0L)), "r2,r3"),
            ["or_of_and"] = (Or(And(Cmp(Active, eq, true), Cmp(Qty, gt, 10L)), Cmp(Name, eq, "Bob")), "r2,r8"),
            ["and_of_or"] = (And(Or(Cmp(Qty, lt, 0L), Cmp(Qty, gt, 50L)), Or(Cmp(Active, eq, true), Cmp(Name, eq, null))), "r3,r8"),
            ["and_three"] = (And(Cmp(Active, ne, null), Cmp(Price, lt, 50m), Cmp(Born, ne, null)), "r1,r2"),
            ["not_comparison_includes_missing"] = (Not(Cmp(Qty, gt, 5L)), "r3,r4,r6,r7"),
            ["not_ge"] = (Not(Cmp(Born, ge, "1990-01-15")), "r2,r4,r5,r6,r7"),
            ["not_lt"] = (Not(Cmp(Qty, lt, 3L)), "r1,r2,r5,r6,r7,r8"),
            ["not_le"] = (Not(Cmp(Price, le, 0.3m)), "r1,r3,r5,r6,r8"),
            ["not_eq"] = (Not(Cmp(Name, eq, "Alice")), "r2,r3,r4,r5,r6,r7,r8"),
            ["not_ne"] = (Not(Cmp(Price, ne, 0.3m)), "r4,r7"),
            ["not_eq_null"] = (Not(Cmp(Name, eq, null)), "r1,r2,r3,r4,r5,r7,r8"),
            ["not_ne_null"] = (Not(Cmp(Name, ne, null)), "r6"),
            ["not_and"] = (Not(And(Cmp(Active, eq, true), Cmp(Qty, gt, 5L))), "r2,r3,r4,r5,r6,r7"),
            ["not_or"] = (Not(Or(Cmp(Active, eq, true), Cmp(Price, gt, 1m))), "r2,r4,r5,r7"),
            ["not_not"] = (Not(Not(Cmp(Name, eq, "Alice"))), "r1"),
            ["not_in_integer"] = (Not(In(Qty, 0L, 7L)), "r1,r2,r3,r6,r7,r8"),
            ["not_endswith"] = (Not(new TextMatchFilter(Name, TextMatchKind.EndsWith, "%")), "r1,r2,r4,r5,r6,r7"),
            ["not_startswith"] = (Not(new TextMatchFilter(Name, TextMatchKind.StartsWith, "Al")), "r2,r3,r4,r5,r6,r7,r8"),
            ["or_covering_everything"] = (Or(Cmp(Qty, eq, null), Cmp(Qty, ne, null)), all),
            ["and_contradiction"] = (And(Cmp(Qty, eq, null), Cmp(Qty, ne, null)), ""),

            // System fields are columns.
            ["system_id_eq"] = (Cmp(Id, eq, ConformanceRecords.NewId(1).ToString("D")), "r1"),
            ["system_id_gt"] = (Cmp(Id, gt, ConformanceRecords.NewId(6).ToString("D")), "r7,r8"),
            ["system_version_gt"] = (Cmp(ConformanceModel.Version, gt, 1L), "r8"),
            ["system_created_at_ge"] = (Cmp(CreatedAt, ge, CanonicalInstant.ToText(ConformanceRecords.BaseTime.AddMinutes(7))), "r7,r8"),
            ["system_created_by_eq"] = (Cmp(CreatedBy, eq, "importer"), "r2"),
            ["system_owner_eq"] = (Cmp(OwnerId, eq, "u1"), "r1,r2"),
            ["system_owner_ne"] = (Cmp(OwnerId, ne, "u1"), "r3,r4,r5,r6,r7,r8"),
            ["system_owner_eq_null"] = (Cmp(OwnerId, eq, null), "r4,r5,r6,r7,r8"),
            ["system_owner_in"] = (In(OwnerId, "u2", "u3"), "r3"),
            ["system_deleted_at_eq_null"] = (Cmp(DeletedAt, eq, null), all),
        };
    }
}
