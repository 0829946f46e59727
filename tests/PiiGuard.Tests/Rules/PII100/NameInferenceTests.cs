using PiiGuard.Analyzers.Inference;

namespace PiiGuard.Tests.Rules.PII100;

/// <summary>The dictionary on identifier words: the names teams write, and the near-misses that must stay silent.</summary>
public sealed class NameInferenceTests
{
    [Theory]
    [InlineData("IPAddressLine2", "ip address line 2")]
    [InlineData("dateOfBirth", "date of birth")]
    [InlineData("date_of_birth", "date of birth")]
    [InlineData("DOB", "dob")]
    [InlineData("m_email", "email")]
    [InlineData("_phoneNumber", "phone number")]
    [InlineData("EMail", "e mail")]
    [InlineData("VINNumber", "vin number")]
    [InlineData("Email2", "email 2")]
    [InlineData("HTTPServer", "http server")]
    public void Identifiers_split_into_words(string identifier, string words) =>
        Assert.Equal(words, string.Join(' ', IdentifierWords.Split(identifier)));

    [Theory]
    [InlineData("Email", "Email")]
    [InlineData("EmailAddress", "Email")]
    [InlineData("CustomerEmail", "Email")]
    [InlineData("EMail", "Email")]
    [InlineData("email_address", "Email")]
    [InlineData("MailAddress", "Email")]
    [InlineData("Emails", "Email")]
    [InlineData("PrimaryEmail", "Email")]
    [InlineData("Phone", "PhoneNumber")]
    [InlineData("PhoneNumber", "PhoneNumber")]
    [InlineData("MobileNumber", "PhoneNumber")]
    [InlineData("HomeTel", "PhoneNumber")]
    [InlineData("Msisdn", "PhoneNumber")]
    [InlineData("PhoneNumbers", "PhoneNumber")]
    [InlineData("Dob", "DateOfBirth")]
    [InlineData("DateOfBirth", "DateOfBirth")]
    [InlineData("BirthDate", "DateOfBirth")]
    [InlineData("Birthday", "DateOfBirth")]
    [InlineData("Vin", "VehicleIdentificationNumber")]
    [InlineData("ChassisNumber", "VehicleIdentificationNumber")]
    [InlineData("Registration", "VehicleRegistration")]
    [InlineData("VehicleReg", "VehicleRegistration")]
    [InlineData("RegNo", "VehicleRegistration")]
    [InlineData("NumberPlate", "VehicleRegistration")]
    [InlineData("LicencePlate", "VehicleRegistration")]
    [InlineData("Postcode", "PostalAddress")]
    [InlineData("PostCode", "PostalAddress")]
    [InlineData("ZipCode", "PostalAddress")]
    [InlineData("Zip", "PostalAddress")]
    [InlineData("AddressLine1", "PostalAddress")]
    [InlineData("BillingAddress", "PostalAddress")]
    [InlineData("Street", "PostalAddress")]
    [InlineData("FirstName", "Name")]
    [InlineData("first_name", "Name")]
    [InlineData("LastName", "Name")]
    [InlineData("Surname", "Name")]
    [InlineData("FullName", "Name")]
    [InlineData("CustomerName", "Name")]
    [InlineData("Gender", "Gender")]
    [InlineData("Sex", "Gender")]
    [InlineData("NiNumber", "NationalIdentifier")]
    [InlineData("Ssn", "NationalIdentifier")]
    [InlineData("PassportNumber", "NationalIdentifier")]
    [InlineData("DrivingLicence", "NationalIdentifier")]
    [InlineData("TaxId", "NationalIdentifier")]
    [InlineData("Iban", "FinancialAccount")]
    [InlineData("AccountNumber", "FinancialAccount")]
    [InlineData("SortCode", "FinancialAccount")]
    [InlineData("CardNumber", "PaymentCard")]
    [InlineData("Pan", "PaymentCard")]
    [InlineData("IpAddress", "IpAddress")]
    [InlineData("ClientIp", "IpAddress")]
    [InlineData("Latitude", "PreciseLocation")]
    [InlineData("Longitude", "PreciseLocation")]
    [InlineData("Password", "Credential")]
    [InlineData("ClientSecret", "Credential")]
    [InlineData("Diagnosis", "Health")]
    [InlineData("MedicalHistory", "Health")]
    [InlineData("UserName", "OnlineIdentifier")]
    [InlineData("Imei", "DeviceIdentifier")]
    [InlineData("Fingerprint", "Biometric")]
    [InlineData("Ethnicity", "RacialOrEthnicOrigin")]
    [InlineData("Religion", "ReligiousOrPhilosophicalBelief")]
    [InlineData("TradeUnion", "TradeUnionMembership")]
    [InlineData("SexualOrientation", "SexLifeOrSexualOrientation")]
    [InlineData("CriminalRecord", "CriminalOffence")]
    public void Names_of_personal_data_are_recognised(string name, string category) =>
        Assert.Equal(category, PersonalDataNames.Match(name, onPersonType: false)?.Category);

    [Theory]
    [InlineData("EmailSentCount")]
    [InlineData("IsEmailConfirmed")]
    [InlineData("EmailTemplateId")]
    [InlineData("PhoneCountryCodeList")]
    [InlineData("EmailConfirmed")]
    [InlineData("HashedEmail")]
    [InlineData("EncryptedSsn")]
    [InlineData("MaskedPhone")]
    [InlineData("MaxEmailLength")]
    [InlineData("DefaultEmail")]
    [InlineData("SupportEmail")]
    [InlineData("EmailRegex")]
    [InlineData("PhoneFormat")]
    [InlineData("EmailStatus")]
    [InlineData("ServerAddress")]
    [InlineData("BaseAddress")]
    [InlineData("MacAddressFormat")]
    [InlineData("FileName")]
    [InlineData("Name")]
    [InlineData("DisplayName")]
    [InlineData("ProductName")]
    [InlineData("StorageAccountName")]
    [InlineData("RegistrationDate")]
    [InlineData("RegistrationToken")]
    [InlineData("UserRegistration")]
    [InlineData("Telemetry")]
    [InlineData("Television")]
    [InlineData("Panel")]
    [InlineData("Address")]
    [InlineData("City")]
    [InlineData("BatteryHealth")]
    [InlineData("HealthCheckPath")]
    [InlineData("RaceResult")]
    [InlineData("PasswordHash")]
    [InlineData("PasswordPolicy")]
    [InlineData("PasswordRequiredLength")]
    [InlineData("Mobile" + "App")]
    [InlineData("PhoneVerifiedAt")]
    [InlineData("EmailDomain")]
    [InlineData("Description")]
    public void Near_miss_names_are_not_personal(string name) =>
        Assert.Null(PersonalDataNames.Match(name, onPersonType: false)?.Category);

    [Theory]
    [InlineData("Name")]
    [InlineData("Address")]
    [InlineData("City")]
    [InlineData("Health")]
    public void Bare_words_are_personal_on_a_person_type(string name) =>
        Assert.NotNull(PersonalDataNames.Match(name, onPersonType: true));

    [Theory]
    [InlineData("Customer", true)]
    [InlineData("CustomerDto", true)]
    [InlineData("HomeAddress", true)]
    [InlineData("EnquiryForm", true)]
    [InlineData("Product", false)]
    [InlineData("Dealership", false)]
    [InlineData("ServiceOptions", false)]
    public void Person_types_are_recognised_by_name(string typeName, bool isPerson) =>
        Assert.Equal(isPerson, PersonalDataNames.IsPersonType(typeName));

    [Fact]
    public void Every_term_names_a_PiiCategory_and_every_phrase_is_lower_case_words()
    {
        foreach (var term in PersonalDataNames.Terms)
        {
            Assert.Contains(term.Category, Enum.GetNames<PiiCategory>());
            Assert.All(term.Phrases, phrase => Assert.Matches("^[a-z0-9]+( [a-z0-9]+)*$", phrase));
        }
    }

    [Fact]
    public void Every_category_the_issue_lists_has_a_term()
    {
        var covered = PersonalDataNames.Terms.Select(term => term.Category).ToHashSet();
        var expected = Enum.GetNames<PiiCategory>().Where(name => name != nameof(PiiCategory.Other));
        Assert.Empty(expected.Except(covered));
    }
}
