using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PiiGuard.Analyzers.Flow;

internal sealed partial class BodyAnalysis
{
    /// <summary>
    /// Binds the variables a pattern declares to what they match: the value itself (<c>is Customer c</c>), a member of
    /// it (<c>{ Phone: var phone }</c>, <c>{ Address.City: var city }</c>), an element (<c>[var first, ..]</c>) or a
    /// deconstructed part (<c>(var name, _)</c>). The graph binds them without an assignment. Where the match fails they
    /// are unassigned and cannot be read, so binding them whether or not it succeeds loses nothing.
    /// </summary>
    private void BindPattern(IPatternOperation pattern, PersonalData? input)
    {
        switch (pattern)
        {
            case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol local }:
                Declare(local, input);
                break;
            case IRecursivePatternOperation recursive:
                if (recursive.DeclaredSymbol is ILocalSymbol whole)
                {
                    Declare(whole, input);
                }

                foreach (var property in recursive.PropertySubpatterns)
                {
                    BindPattern(property.Pattern, PatternMember(property.Member, input));
                }

                // A Deconstruct's out parameters name the members they read (an extension's come after its receiver).
                var deconstruct = recursive.DeconstructSymbol as IMethodSymbol;
                var skipped = deconstruct is null ? 0 : deconstruct.Parameters.Length - recursive.DeconstructionSubpatterns.Length;
                for (var i = 0; i < recursive.DeconstructionSubpatterns.Length; i++)
                {
                    var name = deconstruct is null || skipped < 0 ? "Item" + (i + 1) : MemberNamed(recursive.MatchedType, deconstruct.Parameters[skipped + i].Name);
                    BindPattern(recursive.DeconstructionSubpatterns[i], Part(input, name));
                }

                break;
            case IListPatternOperation list:
                if (list.DeclaredSymbol is ILocalSymbol listed)
                {
                    Declare(listed, input);
                }

                foreach (var element in list.Patterns)
                {
                    BindPattern(element, input);
                }

                break;
            case ISlicePatternOperation { Pattern: { } slice }:
                BindPattern(slice, input);
                break;
            case INegatedPatternOperation negated:
                // is not { Length: > 0 } email: bound where the negation fails, and read after it.
                BindPattern(negated.Pattern, input);
                break;
            case IBinaryPatternOperation binary:
                BindPattern(binary.LeftPattern, input);
                BindPattern(binary.RightPattern, input);
                break;
        }
    }

    // The member a property pattern reads, extended ones (Address.City) through each member on the way.
    private PersonalData? PatternMember(IOperation member, PersonalData? input) => member switch
    {
        IMemberReferenceOperation { Member: IPropertySymbol or IFieldSymbol } reference => MemberOf(
            reference.Member,
            Marked(reference.Member, _flow.Markings.Marked(reference.Member)),
            reference.Instance is null or IInstanceReferenceOperation ? input : PatternMember(reference.Instance, input)),

        // An ITuple element, or a member that does not bind: the whole value.
        _ => input,
    };

    private void Declare(ILocalSymbol local, PersonalData? data) =>
        Store(local, data?.Through(_flow.Step(local)), strong: true);
}
