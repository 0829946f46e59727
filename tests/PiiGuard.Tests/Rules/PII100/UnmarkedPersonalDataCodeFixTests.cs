using PiiGuard.CodeFixes.Rules;
using Verifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.UnmarkedPersonalDataAnalyzer>;

namespace PiiGuard.Tests.Rules.PII100;

public sealed class UnmarkedPersonalDataCodeFixTests
{
    [Fact]
    public Task Fix_all_marks_every_member_with_its_inferred_category() =>
        Verifier.CodeFixAsync<UnmarkedPersonalDataCodeFixProvider>(
            """
            using System;

            public class Enquiry
            {
                public int Id { get; set; }

                /// <summary>Who asked.</summary>
                public string {|PII100:FirstName|} { get; set; } = "";
                public string {|PII100:Email|} { get; set; } = "";
                private DateTime? {|PII100:_dateOfBirth|};
                public int EmailSentCount { get; set; }
            }

            public sealed record Lead(int Id, string {|PII100:Phone|});
            """,
            """
            using System;
            using PiiGuard;

            public class Enquiry
            {
                public int Id { get; set; }

                /// <summary>Who asked.</summary>
                [Pii(PiiCategory.Name)]
                public string FirstName { get; set; } = "";
                [Pii(PiiCategory.Email)]
                public string Email { get; set; } = "";

                [Pii(PiiCategory.DateOfBirth)]
                private DateTime? _dateOfBirth;
                public int EmailSentCount { get; set; }
            }

            public sealed record Lead(int Id, [property: Pii(PiiCategory.PhoneNumber)] string Phone);
            """);

    [Fact]
    public Task Marks_a_member_as_not_personal() =>
        Verifier.CodeFixAsync<UnmarkedPersonalDataCodeFixProvider>(
            """
            using PiiGuard;

            public class Dealership
            {
                public string {|PII100:Email|} { get; set; } = "sales@dealer.example";
            }
            """,
            """
            using PiiGuard;

            public class Dealership
            {
                [NotPii]
                public string Email { get; set; } = "sales@dealer.example";
            }
            """,
            equivalenceKey: "PiiGuard.MarkNotPii");
}
