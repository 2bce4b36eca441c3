<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US" sourcelanguage="el_GR">
<context>
    <name>BusinessPage</name>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/business_page.py" line="19" />
        <source>Στοιχεία επιχείρησης</source>
        <translation>Business details</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/business_page.py" line="20" />
        <source>Όπως τυπώνονται στις αποδείξεις και δηλώνονται στο myDATA.</source>
        <translation>As printed on receipts and reported to myDATA.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/business_page.py" line="23" />
        <source>π.χ. Α' Αθηνών</source>
        <translation>e.g. A' Athens</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/business_page.py" line="34" />
        <source>Επωνυμία:</source>
        <translation>Business name:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/business_page.py" line="35" />
        <source>ΑΦΜ:</source>
        <translation>VAT number (ΑΦΜ):</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/business_page.py" line="36" />
        <source>ΔΟΥ:</source>
        <translation>Tax office (ΔΟΥ):</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/business_page.py" line="37" />
        <source>Διεύθυνση:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/business_page.py" line="38" />
        <source>Τηλέφωνο:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/business_page.py" line="39" />
        <source>Δραστηριότητα:</source>
        <translation>Activity:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/business_page.py" line="40" />
        <source>Αριθμός εγκατάστασης (υποκατάστημα, 0 = έδρα):</source>
        <translation>Installation number (branch, 0 = head office):</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/business_page.py" line="42" />
        <source>Σειρά {0}:</source>
        <translation>Series {0}:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/business_page.py" line="43" />
        <source>myDATA όνομα χρήστη:</source>
        <translation>myDATA user name:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/business_page.py" line="44" />
        <source>myDATA κλειδί συνδρομής:</source>
        <translation>myDATA subscription key:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/business_page.py" line="63" />
        <source>αποθηκευμένο· αφήστε κενό για να μείνει</source>
        <translation>stored; leave empty to keep it</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/business_page.py" line="70" />
        <source>Συμπληρώστε την επωνυμία.</source>
        <translation>Enter the business name.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/business_page.py" line="71" />
        <source>Συμπληρώστε τη ΔΟΥ.</source>
        <translation>Enter the tax office.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/business_page.py" line="72" />
        <source>Συμπληρώστε τη διεύθυνση.</source>
        <translation>Enter the address.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/business_page.py" line="78" />
        <source>Συμπληρώστε τη σειρά για κάθε τύπο παραστατικού.</source>
        <translation>Enter the series for every document type.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/business_page.py" line="81" />
        <source>Δώστε και το κλειδί συνδρομής του myDATA.</source>
        <translation>Also enter the myDATA subscription key.</translation>
    </message>
</context>
<context>
    <name>CardPaymentDialog</name>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="21" />
        <source>Εγκρίθηκε</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="22" />
        <source>Απορρίφθηκε</source>
        <translation>Declined</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="23" />
        <source>Ακυρώθηκε στο τερματικό</source>
        <translation>Cancelled on the terminal</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="24" />
        <source>Δεν ολοκληρώθηκε (δεν χρεώθηκε)</source>
        <translation>Not completed (not charged)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="25" />
        <source>Το τερματικό είναι απασχολημένο· δοκιμάστε ξανά σε λίγο</source>
        <translation>The terminal is busy; try again shortly</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="26" />
        <source>Το πακέτο του τερματικού είναι γεμάτο: κλείστε το πακέτο («Πακέτο» → «Κλείσιμο Πακέτου»)</source>
        <translation>The terminal's batch is full: close the batch (“Πακέτο” → “Κλείσιμο Πακέτου”)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="28" />
        <source>Άγνωστο αποτέλεσμα</source>
        <translation>Unknown outcome</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="41" />
        <source>Πληρωμή με κάρτα</source>
        <translation>Card payment</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="49" />
        <source>Τερματικό:</source>
        <translation>Terminal:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="50" />
        <source>Ποσό:</source>
        <translation>Amount:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="52" />
        <source>Φιλοδώρημα:</source>
        <translation>Tip:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="54" />
        <source>Δόσεις:</source>
        <translation>Instalments:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="55" />
        <source>Πατήστε «Αποστολή» και δώστε το τερματικό στον πελάτη</source>
        <translation>Press “Send” and hand the terminal to the customer</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="61" />
        <source>Αποστολή στο τερματικό</source>
        <translation>Send to terminal</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="62" />
        <source>Κλείσιμο</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="120" />
        <source>Χρειάζεται νέα σύζευξη του τερματικού (τίποτα δεν χρεώθηκε)</source>
        <translation>The terminal must be paired again (nothing was charged)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="132" />
        <source>Έτοιμο</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="132" />
        <source>Απαιτείται επιβεβαίωση</source>
        <translation>Confirmation needed</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="138" />
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="160" />
        <source>Νέα προσπάθεια</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="157" />
        <source>Εγκρίθηκε (επιβεβαιώθηκε)</source>
        <translation>Approved (confirmed)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="157" />
        <source>Δεν χρεώθηκε</source>
        <translation>Not charged</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="165" />
        <source>Χρόνος: {0}:{1:02d}</source>
        <translation>Time: {0}:{1:02d}</translation>
    </message>
</context>
<context>
    <name>CartModel</name>
    <message>
        <location filename="../../nexipos_desktop/ui/cart_model.py" line="24" />
        <source>Περιγραφή</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/cart_model.py" line="24" />
        <source>Ποσότητα</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/cart_model.py" line="24" />
        <source>Τιμή</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/cart_model.py" line="24" />
        <source>Έκπτωση</source>
        <translation>Discount</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/cart_model.py" line="25" />
        <source>ΦΠΑ</source>
        <translation>VAT</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/cart_model.py" line="25" />
        <source>Αξία</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/cart_model.py" line="130" />
        <source>Η πώληση έχει ήδη πληρωμή με κάρτα: το καλάθι δεν αλλάζει. Ολοκληρώστε την πληρωμή του υπολοίπου.</source>
        <translation>The sale already has a card payment: the cart cannot change. Settle the remaining amount.</translation>
    </message>
</context>
<context>
    <name>CashDialog</name>
    <message>
        <location filename="../../nexipos_desktop/ui/cash_dialog.py" line="22" />
        <source>Πληρωμή με μετρητά</source>
        <translation>Cash payment</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/cash_dialog.py" line="32" />
        <source>Εκτύπωση απόδειξης</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/cash_dialog.py" line="34" />
        <source>Σύνολο:</source>
        <translation>Total:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/cash_dialog.py" line="35" />
        <source>Δόθηκαν:</source>
        <translation>Tendered:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/cash_dialog.py" line="36" />
        <source>Ρέστα:</source>
        <translation>Change:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/cash_dialog.py" line="38" />
        <source>Ακριβές ποσό</source>
        <translation>Exact amount</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/cash_dialog.py" line="47" />
        <source>Έκδοση (Enter)</source>
        <translation>Issue (Enter)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/cash_dialog.py" line="75" />
        <source>Μη έγκυρο ποσό</source>
        <translation>Invalid amount</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/cash_dialog.py" line="78" />
        <source>Λείπουν {0} €</source>
        <translation>{0} € short</translation>
    </message>
</context>
<context>
    <name>CataloguePanel</name>
    <message>
        <location filename="../../nexipos_desktop/ui/catalogue_panel.py" line="45" />
        <source>Αναζήτηση προϊόντος: όνομα, κωδικός ή barcode (F2)</source>
        <translation>Search product: name, code or barcode (F2)</translation>
    </message>
</context>
<context>
    <name>DeferredPayments</name>
    <message>
        <location filename="../../nexipos_desktop/ui/deferred_payments.py" line="43" />
        <source>&amp;Κάρτες</source>
        <translation>&amp;Cards</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/deferred_payments.py" line="44" />
        <source>Πληρωμή αργότερα στο τερματικό (προφόρτωση)</source>
        <translation>Pay later on the terminal (preload)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/deferred_payments.py" line="46" />
        <source>Προφορτωμένες πληρωμές</source>
        <translation>Preloaded payments</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/deferred_payments.py" line="48" />
        <source>Δήλωση βλάβης: πληρωμή από την απόδειξη του τερματικού</source>
        <translation>Fault declaration: payment from the terminal's slip</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/deferred_payments.py" line="50" />
        <source>Συμφωνία καρτών ημέρας</source>
        <translation>Day's card reconciliation</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/deferred_payments.py" line="111" />
        <source>Προφορτωμένες: {0}</source>
        <translation>Preloaded: {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/deferred_payments.py" line="113" />
        <source>{0} θέλουν ενέργεια</source>
        <translation>{0} need action</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/deferred_payments.py" line="123" />
        <source>Χρειάζεται πώληση με είδη και ρυθμισμένο τερματικό καρτών</source>
        <translation>This needs a sale with items and a configured card terminal</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/deferred_payments.py" line="129" />
        <source>Το τερματικό δεν δέχεται προφορτωμένες πληρωμές (χρειάζεται WebECR)</source>
        <translation>The terminal does not take preloaded payments (WebECR is needed)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/deferred_payments.py" line="161" />
        <source>Εκδόθηκε {0}-{1} με πληρωμή αργότερα στο τερματικό ({2} €)</source>
        <translation>Issued {0}-{1}, to be paid later on the terminal ({2} €)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/deferred_payments.py" line="175" />
        <source>Δήλωση βλάβης</source>
        <translation>Fault declaration</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/deferred_payments.py" line="196" />
        <source>Καταχωρίστηκε πληρωμή {0} € από την απόδειξη του τερματικού · Υπόλοιπο {1} €</source>
        <translation>Recorded a {0} € payment from the terminal's slip · Balance {1} €</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/deferred_payments.py" line="214" />
        <source>Η συμφωνία καρτών χρειάζεται τερματικό WebECR</source>
        <translation>Card reconciliation needs a WebECR terminal</translation>
    </message>
</context>
<context>
    <name>FaultDeclarationDialog</name>
    <message>
        <location filename="../../nexipos_desktop/ui/fault_declaration_dialog.py" line="22" />
        <source>Δήλωση βλάβης: πληρωμή από την απόδειξη του τερματικού</source>
        <translation>Fault declaration: payment from the terminal's slip</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/fault_declaration_dialog.py" line="24" />
        <source>Όταν χάνεται η σύνδεση, το τερματικό δουλεύει αυτόνομα: «Ρυθμίσεις ECR» → «Κλείδωμα πληκτρολογίου» (απενεργοποίηση). Χρεώστε την κάρτα στο τερματικό και γράψτε εδώ τα στοιχεία της απόδειξής του. Η πληρωμή σημειώνεται ως δήλωση βλάβης και ελέγχεται στη συμφωνία ημέρας.</source>
        <translation>When the link is down the terminal works on its own: “ECR settings” → “Keypad lock” (off). Charge the card on the terminal and type the details of its slip here. The payment is marked as a fault declaration and checked in the day's reconciliation.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/fault_declaration_dialog.py" line="28" />
        <source>8 χαρακτήρες</source>
        <translation>8 characters</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/fault_declaration_dialog.py" line="29" />
        <source>12 ψηφία</source>
        <translation>12 digits</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/fault_declaration_dialog.py" line="30" />
        <source>6 χαρακτήρες</source>
        <translation>6 characters</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/fault_declaration_dialog.py" line="31" />
        <source>προαιρετικά</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/fault_declaration_dialog.py" line="33" />
        <source>Ποσό:</source>
        <translation>Amount:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/fault_declaration_dialog.py" line="34" />
        <source>TID:</source>
        <translation>TID:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/fault_declaration_dialog.py" line="35" />
        <source>RRN:</source>
        <translation>RRN:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/fault_declaration_dialog.py" line="36" />
        <source>Κωδ. έγκρισης:</source>
        <translation>Auth code:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/fault_declaration_dialog.py" line="37" />
        <source>Τελευταία 4 ψηφία κάρτας:</source>
        <translation>Card's last 4 digits:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/fault_declaration_dialog.py" line="41" />
        <source>Καταχώριση</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/fault_declaration_dialog.py" line="42" />
        <source>Άκυρο</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>FiscalPage</name>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/fiscal_page.py" line="24" />
        <source>Φορολογική διαδρομή (ΑΑΔΕ 1155)</source>
        <translation>Fiscal route (AADE 1155)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/fiscal_page.py" line="25" />
        <source>Πώς υπογράφεται κάθε πληρωμή με κάρτα: με υπογραφή παρόχου (ΥΠΑΗΕΣ) ή με ECR token από ΦΗΜΑΣ.</source>
        <translation>How every card payment is signed: with an e-invoicing provider's signature or with an ECR token from a fiscal device.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/fiscal_page.py" line="26" />
        <source>Πάροχος ηλεκτρονικής τιμολόγησης (Provider Signature)</source>
        <translation>E-invoicing provider (Provider Signature)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/fiscal_page.py" line="27" />
        <source>Φορολογικός μηχανισμός ΦΗΜΑΣ (ECR Token)</source>
        <translation>Fiscal device (ECR Token)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/fiscal_page.py" line="32" />
        <source>Εισαγωγή κλειδιού PEM…</source>
        <translation>Import PEM key…</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/fiscal_page.py" line="36" />
        <source>32 δεκαεξαδικά ψηφία</source>
        <translation>32 hex digits</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/fiscal_page.py" line="37" />
        <source>Δοκιμή ανταλλαγής κλειδιού</source>
        <translation>Test key exchange</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/fiscal_page.py" line="42" />
        <source>Αριθμός παρόχου:</source>
        <translation>Provider number:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/fiscal_page.py" line="46" />
        <source>Κλειδί υπογραφής:</source>
        <translation>Signing key:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/fiscal_page.py" line="48" />
        <source>Αριθμός μητρώου ΦΗΜΑΣ (ECR id):</source>
        <translation>Fiscal device registration (ECR id):</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/fiscal_page.py" line="49" />
        <source>Master key:</source>
        <translation>Master key:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/fiscal_page.py" line="73" />
        <source>Υπάρχει αποθηκευμένο κλειδί· εισάγετε νέο μόνο για αλλαγή.</source>
        <translation>A key is stored; import a new one only to replace it.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/fiscal_page.py" line="75" />
        <source>αποθηκευμένο· αφήστε κενό για να μείνει</source>
        <translation>stored; leave empty to keep it</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/fiscal_page.py" line="83" />
        <source>Ιδιωτικό κλειδί του παρόχου</source>
        <translation>Provider's private key</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/fiscal_page.py" line="84" />
        <source>Κλειδιά PEM (*.pem *.key);;Όλα τα αρχεία (*)</source>
        <translation>PEM keys (*.pem *.key);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/fiscal_page.py" line="90" />
        <source>Έλεγχος κλειδιού…</source>
        <translation>Checking the key…</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/fiscal_page.py" line="98" />
        <source>Το κλειδί {0} επαληθεύτηκε: υπογράφει και η υπογραφή του επαληθεύεται.</source>
        <translation>Key {0} verified: it signs and its signature verifies.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/fiscal_page.py" line="109" />
        <source>Η δοκιμαστική ανταλλαγή κλειδιού πέτυχε (KCV {0}).</source>
        <translation>The trial key exchange succeeded (KCV {0}).</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/fiscal_page.py" line="127" />
        <source>Εισαγάγετε το ιδιωτικό κλειδί υπογραφής του παρόχου (αρχείο PEM).</source>
        <translation>Import the provider's private signing key (PEM file).</translation>
    </message>
</context>
<context>
    <name>HelpOverlay</name>
    <message>
        <location filename="../../nexipos_desktop/ui/help_overlay.py" line="18" />
        <source>Πλήκτρα συντόμευσης</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/help_overlay.py" line="30" />
        <source>Πατήστε οποιοδήποτε πλήκτρο για κλείσιμο</source>
        <translation>Press any key to close</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="40" />
        <source>Ιστορικό αποδείξεων</source>
        <translation>Receipts history</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="45" />
        <source>Όλες οι ημέρες</source>
        <translation>All days</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="46" />
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="49" />
        <source>Αριθμός</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="49" />
        <source>Ημ/νία ώρα</source>
        <translation>Date time</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="49" />
        <source>Τύπος</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="50" />
        <source>Σύνολο</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="50" />
        <source>ΜΑΡΚ</source>
        <translation>MARK</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="60" />
        <source>Επανεκτύπωση (ΑΝΤΙΓΡΑΦΟ)</source>
        <translation>Reprint (COPY)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="61" />
        <source>Αποθήκευση PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="62" />
        <source>Επιστροφή (πιστωτικό)</source>
        <translation>Refund (credit note)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="63" />
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="253" />
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="260" />
        <source>Επιστροφή στην κάρτα</source>
        <translation>Refund to card</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="64" />
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="253" />
        <source>Ακύρωση χρέωσης κάρτας</source>
        <translation>Void card charge</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="65" />
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="301" />
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="306" />
        <source>Ακύρωση στο myDATA</source>
        <translation>Cancel in myDATA</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="66" />
        <source>Ακύρωση διαβιβασμένου παραστατικού (CancelInvoice): μόνο διαχειριστής</source>
        <translation>Cancel a transmitted document (CancelInvoice): admin only</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="84" />
        <source>Ημέρα:</source>
        <translation>Day:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="87" />
        <source>Αριθμός:</source>
        <translation>Number:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="116" />
        <source>Φόρτωση…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="126" />
        <source>{0} αποδείξεις</source>
        <translation>{0} receipts</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="164" />
        <source>Ακυρώθηκε στο myDATA · ΜΑΡΚ ακύρωσης {0}</source>
        <translation>Cancelled in myDATA · cancellation MARK {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="166" />
        <source>Η ακύρωση στο myDATA εκκρεμεί</source>
        <translation>The cancellation in myDATA is pending</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="169" />
        <source>Διαβιβάστηκε στο myDATA · ΜΑΡΚ {0}</source>
        <translation>Transmitted to myDATA · MARK {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="171" />
        <source>Απορρίφθηκε από το myDATA: {0}</source>
        <translation>Rejected by myDATA: {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="172" />
        <source>Εκκρεμεί διαβίβαση στο myDATA</source>
        <translation>Transmission to myDATA pending</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="204" />
        <source>Αποθήκευση PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="210" />
        <source>Αποθηκεύτηκε: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="220" />
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="231" />
        <source>Επιστροφή</source>
        <translation>Refund</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="223" />
        <source>Έκδοση πιστωτικού στοιχείου για ολόκληρη την απόδειξη {0}-{1} ({2} €) με επιστροφή μετρητών;</source>
        <translation>Issue a credit note for the whole receipt {0}-{1} ({2} €) and refund in cash?</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="226" />
        <source>Έκδοση πιστωτικού στοιχείου για ολόκληρη την απόδειξη {0}-{1} ({2} €). Επιστροφή μετρητών μόνο {3} € (όσα πληρώθηκαν)· τα υπόλοιπα {4} € πιστώνονται «Επί πιστώσει», δεν δίνονται μετρητά.</source>
        <translation>Issue a credit note for the whole of receipt {0}-{1} ({2} €). Refund only {3} € in cash (what was paid); the remaining {4} € is credited as 'on credit', no cash is given.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="242" />
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="288" />
        <source>Εκδόθηκε πιστωτικό {0}-{1}</source>
        <translation>Credit note {0}-{1} issued</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="257" />
        <source>Ακύρωση (void) της χρέωσης κάρτας της απόδειξης {0}-{1} ({2} €) και έκδοση πιστωτικού;</source>
        <translation>Void the card charge of receipt {0}-{1} ({2} €) and issue a credit note?</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="259" />
        <source>Επιστροφή στην κάρτα για την απόδειξη {0}-{1} ({2} €) και έκδοση πιστωτικού;</source>
        <translation>Refund receipt {0}-{1} ({2} €) to the card and issue a credit note?</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="282" />
        <source>Το τερματικό δεν ολοκλήρωσε την επιστροφή ({0}): {1}</source>
        <translation>The terminal did not complete the refund ({0}): {1}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="307" />
        <source>Ακύρωση στο myDATA της απόδειξης {0}-{1} (ΜΑΡΚ {2}); Η ακύρωση δεν αναιρείται.</source>
        <translation>Cancel receipt {0}-{1} (MARK {2}) in myDATA? A cancellation cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="330" />
        <source>Η ακύρωση στο myDATA στάλθηκε για διαβίβαση</source>
        <translation>The myDATA cancellation is queued for transmission</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="339" />
        <source>Σφάλμα</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>InDoubtPanel</name>
    <message>
        <location filename="../../nexipos_desktop/ui/in_doubt_panel.py" line="25" />
        <source>Άγνωστο αποτέλεσμα πληρωμής {0} € ({1})</source>
        <translation>Unknown outcome of payment {0} € ({1})</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/in_doubt_panel.py" line="29" />
        <source>Η σύνδεση με το τερματικό χάθηκε πριν έρθει το αποτέλεσμα. ΜΗΝ ξαναχρεώσετε την κάρτα.
Δείτε στο τερματικό την τελευταία συναλλαγή (ή την απόδειξή του) και δηλώστε τι δείχνει.</source>
        <translation>The connection to the terminal was lost before the result arrived. Do NOT charge the card again.
Look up the last transaction on the terminal (or its slip) and state what it shows.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/in_doubt_panel.py" line="32" />
        <source>6 χαρακτήρες</source>
        <translation>6 characters</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/in_doubt_panel.py" line="33" />
        <source>12 ψηφία</source>
        <translation>12 digits</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/in_doubt_panel.py" line="38" />
        <source>Κωδ. έγκρισης:</source>
        <translation>Auth code:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/in_doubt_panel.py" line="39" />
        <source>RRN:</source>
        <translation>RRN:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/in_doubt_panel.py" line="40" />
        <source>Ερώτηση στο τερματικό</source>
        <translation>Ask the terminal</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/in_doubt_panel.py" line="41" />
        <source>Εγκρίθηκε</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/in_doubt_panel.py" line="42" />
        <source>Δεν εγκρίθηκε</source>
        <translation>Not approved</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/in_doubt_panel.py" line="57" />
        <source>Η σύνδεση χάθηκε ενώ η πληρωμή στελνόταν στο τερματικό για αργότερα. ΜΗΝ τη στείλετε ξανά.
Πατήστε «Ερώτηση στο τερματικό»: αν έφτασε, η απόδειξη εκδίδεται και η πληρωμή παρακολουθείται στις «Προφορτωμένες».</source>
        <translation>The connection was lost while the payment was being sent to the terminal for later. Do NOT send it again.
Press 'Ask the terminal': if it arrived, the receipt is issued and the payment is tracked under 'Preloaded'.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/in_doubt_panel.py" line="69" />
        <source>Ερώτηση στο τερματικό…</source>
        <translation>Asking the terminal…</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/in_doubt_panel.py" line="72" />
        <source>Το τερματικό δεν έδωσε απάντηση· δηλώστε τι δείχνει η απόδειξή του.</source>
        <translation>The terminal gave no answer; state what its slip shows.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/in_doubt_panel.py" line="74" />
        <source>Το τερματικό δεν έδωσε ακόμη απάντηση· δοκιμάστε ξανά σε λίγο.</source>
        <translation>The terminal has not answered yet; try again in a moment.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/in_doubt_panel.py" line="78" />
        <source>Η πληρωμή περιμένει στο τερματικό («Προφορτωμένες»): η απόδειξη εκδόθηκε και η πληρωμή παρακολουθείται.</source>
        <translation>The payment is waiting on the terminal ('Preloaded'): the receipt was issued and the payment is tracked.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/in_doubt_panel.py" line="86" />
        <source>Χειροκίνητη επίλυση πληρωμής</source>
        <translation>Manual resolution of a payment</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/in_doubt_panel.py" line="88" />
        <source>Χρειάζεται έγκριση διαχειριστή για να δηλωθεί το αποτέλεσμα.</source>
        <translation>An admin must approve before the outcome is declared.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="102" />
        <source>NexiPOS — {0}</source>
        <translation>NexiPOS — {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="157" />
        <source>Ποσότητα (F4)</source>
        <translation>Quantity (F4)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="158" />
        <source>Έκπτωση (F5)</source>
        <translation>Discount (F5)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="159" />
        <source>Διαγραφή (Del)</source>
        <translation>Delete (Del)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="160" />
        <source>Ακύρωση πώλησης (Esc)</source>
        <translation>Cancel sale (Esc)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="166" />
        <source>Μετρητά (F8)</source>
        <translation>Cash (F8)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="167" />
        <source>Κάρτα (F9)</source>
        <translation>Card (F9)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="112" />
        <source>Πληρωμή στο τερματικό {0}</source>
        <translation>Payment on terminal {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="113" />
        <source>Δεν έχει ρυθμιστεί τερματικό καρτών: ρυθμίστε το από τις Ρυθμίσεις</source>
        <translation>No card terminal is configured: set one up in Settings</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="115" />
        <location filename="../../nexipos_desktop/ui/main_window.py" line="116" />
        <source>Άνοιγμα βάσης δεδομένων…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="117" />
        <source>Ταμείο κλειδωμένο: συνδεθείτε με το PIN σας ({0}).</source>
        <translation>Till locked: sign in with your PIN ({0}).</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="118" />
        <source>Έτοιμο για πώληση</source>
        <translation>Ready to sell</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="135" />
        <source>Το τερματικό δεν απαντά στην αποθηκευμένη διεύθυνση {0}: {1} Αν άλλαξε η IP του, ορίστε στατική IP στο τερματικό και διορθώστε τη διεύθυνση στο «Διαχείριση» → «Ρυθμίσεις» → «Τερματικά».</source>
        <translation>The terminal does not answer at its saved address {0}: {1} If its IP changed, set a static IP on the terminal and correct the address in “Administration” → “Settings” → “Terminals”.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="175" />
        <source>Αργότερα στο τερματικό (Ctrl+F9)</source>
        <translation>Pay later on the terminal (Ctrl+F9)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="178" />
        <source>Η απόδειξη εκδίδεται και η πληρωμή περιμένει στο τερματικό («Προφορτωμένες Αποδείξεις» / «Προπαραγγελίες»)</source>
        <translation>The receipt is issued and the payment waits on the terminal (preloaded receipts / pre-orders)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="206" />
        <source>&amp;Ταμείο</source>
        <translation>&amp;Till</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="208" />
        <source>Βοήθεια: πλήκτρα συντόμευσης</source>
        <translation>Help: keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="209" />
        <source>Αναζήτηση προϊόντος</source>
        <translation>Search product</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="210" />
        <source>Αλλαγή ποσότητας της επιλεγμένης γραμμής</source>
        <translation>Change the quantity of the selected line</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="211" />
        <source>Έκπτωση στην επιλεγμένη γραμμή (ποσό ή %)</source>
        <translation>Discount on the selected line (amount or %)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="212" />
        <source>Διαγραφή της επιλεγμένης γραμμής</source>
        <translation>Delete the selected line</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="213" />
        <source>Πληρωμή με μετρητά</source>
        <translation>Cash payment</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="214" />
        <source>Πληρωμή με κάρτα στο τερματικό</source>
        <translation>Card payment on the terminal</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="215" />
        <source>Ιστορικό αποδείξεων: προβολή, επανεκτύπωση, PDF</source>
        <translation>Receipts history: view, reprint, PDF</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="216" />
        <source>Διαβίβαση στο myDATA: εκκρεμή και απορριφθέντα</source>
        <translation>myDATA transmission: pending and rejected</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="217" />
        <source>Επανεκτύπωση της τελευταίας απόδειξης</source>
        <translation>Reprint the last receipt</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="218" />
        <source>Ακύρωση της τρέχουσας πώλησης</source>
        <translation>Cancel the current sale</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="219" />
        <source>Αλλαγή ταμία…</source>
        <translation>Change cashier…</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="220" />
        <source>Κλείδωμα ταμείου</source>
        <translation>Lock the till</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="238" />
        <source>Σάρωση οπουδήποτε στο παράθυρο: προσθήκη στο καλάθι</source>
        <translation>Scan anywhere in the window: adds to the cart</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="125" />
        <source>δεν έχει ρυθμιστεί</source>
        <translation>not configured</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="127" />
        <source>Τερματικό: {0}</source>
        <translation>Terminal: {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="239" />
        <source>&amp;Διαχείριση</source>
        <translation>&amp;Administration</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="240" />
        <source>Ρυθμίσεις…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="241" />
        <source>Οδηγός ρύθμισης…</source>
        <translation>Setup wizard…</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="271" />
        <source>Συνδεθείτε πρώτα: «Σύνδεση ταμία» ({0}).</source>
        <translation>Sign in first: 'Cashier sign-in' ({0}).</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="278" />
        <source>Προστέθηκε: {0}</source>
        <translation>Added: {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="285" />
        <source>Άγνωστος κωδικός ή barcode: «{0}»</source>
        <translation>Unknown code or barcode: “{0}”</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="328" />
        <source>Ακύρωση πώλησης</source>
        <translation>Cancel sale</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="329" />
        <source>Να αδειάσει το καλάθι; Δεν θα εκδοθεί απόδειξη.</source>
        <translation>Empty the cart? No receipt will be issued.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="332" />
        <source>Η πώληση ακυρώθηκε</source>
        <translation>The sale was cancelled</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="376" />
        <source>Δεν εκδόθηκε απόδειξη</source>
        <translation>No receipt was issued</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="388" />
        <source>Εκδόθηκε {0} {1}-{2} · Ρέστα: {3} €</source>
        <translation>Issued {0} {1}-{2} · Change: {3} €</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="390" />
        <source>Τελευταία: {0}-{1}</source>
        <translation>Last: {0}-{1}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="443" />
        <source>Η εκτύπωση απέτυχε: {0}</source>
        <translation>Printing failed: {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="446" />
        <source>Η απόδειξη αποθηκεύτηκε ως PDF: {0}</source>
        <translation>The receipt was saved as PDF: {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="448" />
        <source>Εκτυπώθηκε στον {0}</source>
        <translation>Printed on {0}</translation>
    </message>
</context>
<context>
    <name>MyDataDialog</name>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_dialog.py" line="28" />
        <source>Διαβίβαση στο myDATA</source>
        <translation>myDATA transmission</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_dialog.py" line="30" />
        <source>Παραστατικό</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_dialog.py" line="30" />
        <source>Πληρωμή (εκ των υστέρων)</source>
        <translation>Payment (deferred)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_dialog.py" line="31" />
        <source>Ακύρωση</source>
        <translation>Void</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_dialog.py" line="32" />
        <source>Σε αναμονή</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_dialog.py" line="32" />
        <source>Αποστέλλεται</source>
        <translation>Sending</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_dialog.py" line="33" />
        <source>Διαβιβάστηκε</source>
        <translation>Transmitted</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_dialog.py" line="33" />
        <source>Απορρίφθηκε</source>
        <translation>Declined</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_dialog.py" line="34" />
        <source>Και όσα διαβιβάστηκαν</source>
        <translation>Include transmitted</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_dialog.py" line="38" />
        <source>Α/Α</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_dialog.py" line="38" />
        <source>Είδος</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_dialog.py" line="38" />
        <source>Απόδειξη</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_dialog.py" line="38" />
        <source>Κατάσταση</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_dialog.py" line="38" />
        <source>Προσπάθειες</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_dialog.py" line="39" />
        <source>ΜΑΡΚ</source>
        <translation>MARK</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_dialog.py" line="39" />
        <source>Σφάλμα / σημείωση</source>
        <translation>Error / note</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_dialog.py" line="48" />
        <source>Νέα προσπάθεια</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_dialog.py" line="49" />
        <source>Αποστολή τώρα</source>
        <translation>Send now</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_dialog.py" line="50" />
        <source>Κλείσιμο</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_dialog.py" line="89" />
        <source>νέα προσπάθεια στις {0}</source>
        <translation>next try at {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_dialog.py" line="91" />
        <source>Εκδόθηκε χωρίς σύνδεση (transmissionFailure {0})</source>
        <translation>Issued offline (transmissionFailure {0})</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_dialog.py" line="102" />
        <source>{0} έγγραφα</source>
        <translation>{0} documents</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_dialog.py" line="104" />
        <source>Η διαβίβαση δεν έχει ρυθμιστεί (στοιχεία πρόσβασης myDATA)</source>
        <translation>Transmission is not set up (myDATA credentials)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_dialog.py" line="128" />
        <source>Νέα αποστολή στο myDATA</source>
        <translation>Send to myDATA again</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_dialog.py" line="134" />
        <source>Το έγγραφο {0} θα σταλεί ξανά</source>
        <translation>Document {0} will be sent again</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_dialog.py" line="143" />
        <source>Σφάλμα</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>MyDataIndicator</name>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_status.py" line="41" />
        <source>myDATA</source>
        <translation>myDATA</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_status.py" line="74" />
        <source>{0} σε αναμονή</source>
        <translation>{0} waiting</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_status.py" line="76" />
        <source>{0} απορρίφθηκαν</source>
        <translation>{0} rejected</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_status.py" line="78" />
        <source>δεν έχει ρυθμιστεί</source>
        <translation>not configured</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_status.py" line="80" />
        <source>χωρίς σύνδεση</source>
        <translation>offline</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_status.py" line="81" />
        <source>myDATA: {0}</source>
        <translation>myDATA: {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_status.py" line="81" />
        <source>myDATA ✓</source>
        <translation>myDATA ✓</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_status.py" line="85" />
        <source>Διαβίβαση παραστατικών στην ΑΑΔΕ (myDATA): κλικ για λεπτομέρειες</source>
        <translation>Transmission of documents to AADE (myDATA): click for details</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../nexipos_desktop/ui/pin_dialog.py" line="64" />
        <source>Έγκριση διαχειριστή</source>
        <translation>Admin approval</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/pin_dialog.py" line="65" />
        <source>Έγκριση</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/pin_dialog.py" line="48" />
        <source>Άκυρο</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/pin_dialog.py" line="65" />
        <source>Διαχειριστής:</source>
        <translation>Admin:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/pin_dialog.py" line="51" />
        <source>PIN:</source>
        <translation>PIN:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/pin_dialog.py" line="64" />
        <source>Η ενέργεια «{0}» χρειάζεται έγκριση διαχειριστή.</source>
        <translation>“{0}” needs an admin's approval.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/pin_dialog.py" line="74" />
        <source>Έλεγχος…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>PreloadSendDialog</name>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_send_dialog.py" line="28" />
        <source>Πληρωμή αργότερα στο τερματικό</source>
        <translation>Pay later on the terminal</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_send_dialog.py" line="32" />
        <source> λεπτά</source>
        <translation> minutes</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_send_dialog.py" line="36" />
        <source>Τερματικό:</source>
        <translation>Terminal:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_send_dialog.py" line="37" />
        <source>Ποσό:</source>
        <translation>Amount:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_send_dialog.py" line="38" />
        <source>Λήξη σε:</source>
        <translation>Expires in:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_send_dialog.py" line="39" />
        <source>Η απόδειξη εκδίδεται τώρα με την πληρωμή με κάρτα σε εκκρεμότητα. Ο πελάτης πληρώνει αργότερα στο τερματικό: «Άλλες Συναλλαγές» → «Προφορτωμένες Αποδείξεις» (Android POS) ή «Λειτουργίες» → «Προπαραγγελίες» (SoftPOS). Το ποσό μπορεί να μειωθεί στο τερματικό.</source>
        <translation>The receipt is issued now with its card payment pending. The customer pays later on the terminal: “Other transactions” → “Preloaded receipts” (Android POS) or “Functions” → “Pre-orders” (SoftPOS). The amount may be lowered on the terminal.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_send_dialog.py" line="45" />
        <source>Αποστολή στο τερματικό</source>
        <translation>Send to terminal</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_send_dialog.py" line="46" />
        <source>Ερώτηση στο τερματικό</source>
        <translation>Ask the terminal</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_send_dialog.py" line="47" />
        <source>Κλείσιμο</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_send_dialog.py" line="66" />
        <source>Αποστολή στο τερματικό…</source>
        <translation>Sending to the terminal…</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_send_dialog.py" line="83" />
        <source>Το τερματικό δεν δέχτηκε την προφόρτωση: {0}</source>
        <translation>The terminal did not take the preload: {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_send_dialog.py" line="87" />
        <source>Αναμονή απάντησης…</source>
        <translation>Waiting for the answer…</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_send_dialog.py" line="91" />
        <source>Ερώτηση στο τερματικό…</source>
        <translation>Asking the terminal…</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_send_dialog.py" line="97" />
        <source>Το τερματικό δεν έλαβε την προφόρτωση· δεν εκδόθηκε απόδειξη. Δοκιμάστε ξανά.</source>
        <translation>The terminal never got the preload; no receipt was issued. Try again.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_send_dialog.py" line="100" />
        <source>Το τερματικό δεν απάντησε ακόμη· δοκιμάστε ξανά σε λίγο.</source>
        <translation>The terminal has not answered yet; try again shortly.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_send_dialog.py" line="105" />
        <source>Στάλθηκε στο τερματικό · εκδόθηκε η απόδειξη {0}-{1} με την πληρωμή σε εκκρεμότητα</source>
        <translation>Sent to the terminal · receipt {0}-{1} issued with the payment pending</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_send_dialog.py" line="113" />
        <source>Άγνωστο αν το τερματικό πήρε την προφόρτωση. ΜΗΝ τη στείλετε ξανά: ρωτήστε το τερματικό.</source>
        <translation>Unknown whether the terminal took the preload. Do NOT send it again: ask the terminal.</translation>
    </message>
</context>
<context>
    <name>PreloadsDialog</name>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_panel.py" line="21" />
        <source>Αναμονή πληρωμής</source>
        <translation>Awaiting payment</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_panel.py" line="22" />
        <location filename="../../nexipos_desktop/ui/preload_panel.py" line="46" />
        <source>Πληρώθηκε</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_panel.py" line="23" />
        <source>Έληξε</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_panel.py" line="24" />
        <source>Ακυρώθηκε</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_panel.py" line="42" />
        <source>Προφορτωμένες πληρωμές</source>
        <translation>Preloaded payments</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_panel.py" line="46" />
        <source>Απόδειξη</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_panel.py" line="46" />
        <source>Ποσό</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_panel.py" line="46" />
        <source>Υπόλοιπο</source>
        <translation>Balance</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_panel.py" line="46" />
        <source>Ηλικία</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_panel.py" line="47" />
        <source>Λήξη</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_panel.py" line="47" />
        <source>Κατάσταση</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_panel.py" line="47" />
        <source>Τελευταίο μήνυμα</source>
        <translation>Last message</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_panel.py" line="58" />
        <source>Και οι ολοκληρωμένες</source>
        <translation>Include completed ones</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_panel.py" line="59" />
        <source>Έλεγχος τώρα</source>
        <translation>Check now</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_panel.py" line="60" />
        <source>Υπόλοιπο σε μετρητά</source>
        <translation>Balance in cash</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_panel.py" line="61" />
        <source>Υπόλοιπο με κάρτα</source>
        <translation>Balance by card</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_panel.py" line="62" />
        <source>Εκδόθηκε πιστωτικό</source>
        <translation>Credit note issued</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_panel.py" line="63" />
        <source>Κλείσιμο</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_panel.py" line="98" />
        <source>Έληξε; αναμονή επιβεβαίωσης</source>
        <translation>Expired? awaiting confirmation</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_panel.py" line="112" />
        <source>Σε αναμονή: {0} · Θέλουν ενέργεια: {1}</source>
        <translation>Waiting: {0} · Need action: {1}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_panel.py" line="134" />
        <source>Δεν υπάρχουν προφορτωμένες πληρωμές σε εκκρεμότητα.</source>
        <translation>There are no pending preloaded payments.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_panel.py" line="139" />
        <source>Ο πελάτης πληρώνει στο τερματικό: «Άλλες Συναλλαγές» → «Προφορτωμένες Αποδείξεις» (Android POS) ή «Λειτουργίες» → «Προπαραγγελίες» (SoftPOS). Το ταμείο ελέγχει αυτόματα.</source>
        <translation>The customer pays on the terminal: “Other transactions” → “Preloaded receipts” (Android POS) or “Functions” → “Pre-orders” (SoftPOS). The register checks automatically.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_panel.py" line="141" />
        <source>Πληρώθηκε μικρότερο ποσό στο τερματικό. Εισπράξτε το υπόλοιπο {0} € με μετρητά ή άλλη κάρτα.</source>
        <translation>A lower amount was paid on the terminal. Collect the balance of {0} € in cash or by another card.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_panel.py" line="143" />
        <source>Δεν πληρώθηκε ({0}). Εισπράξτε {1} € με μετρητά ή κάρτα, ή εκδώστε πιστωτικό από το Ιστορικό αποδείξεων (F10) και πατήστε «Εκδόθηκε πιστωτικό».</source>
        <translation>Not paid ({0}). Collect {1} € in cash or by card, or issue a credit note from the Receipts history (F10) and press “Credit note issued”.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_panel.py" line="145" />
        <source>Ολοκληρώθηκε.</source>
        <translation>Completed.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_panel.py" line="151" />
        <source>Έλεγχος στο τερματικό…</source>
        <translation>Checking on the terminal…</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_panel.py" line="180" />
        <source>Το υπόλοιπο εισπράχθηκε σε μετρητά.</source>
        <translation>The balance was collected in cash.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_panel.py" line="187" />
        <source>Πληρωμή {0} € στο τερματικό: ο πελάτης να ακουμπήσει ή να εισάγει την κάρτα</source>
        <translation>Payment of {0} € on the terminal: the customer taps or inserts the card</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_panel.py" line="198" />
        <source>Το υπόλοιπο πληρώθηκε με κάρτα.</source>
        <translation>The balance was paid by card.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_panel.py" line="201" />
        <source>Η κάρτα δεν χρεώθηκε: {0}</source>
        <translation>The card was not charged: {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/preload_panel.py" line="213" />
        <source>Η προφορτωμένη πληρωμή έκλεισε με πιστωτικό.</source>
        <translation>The preloaded payment was closed with a credit note.</translation>
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/printer_page.py" line="20" />
        <source>Εκτυπωτής αποδείξεων</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/printer_page.py" line="21" />
        <source>Εκτυπωτής θερμικός 80 mm ή A4, ή μόνο αρχεία PDF.</source>
        <translation>An 80 mm thermal or A4 printer, or PDF files only.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/printer_page.py" line="22" />
        <source>Εκτυπωτής:</source>
        <translation>Printer:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/printer_page.py" line="23" />
        <source>Μόνο PDF (χωρίς εκτύπωση)</source>
        <translation>PDF only (no printing)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/printer_page.py" line="28" />
        <source>Προεπιλεγμένος εκτυπωτής συστήματος</source>
        <translation>System default printer</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/printer_page.py" line="32" />
        <source>Χαρτοταινία 80 mm</source>
        <translation>80 mm paper roll</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/printer_page.py" line="34" />
        <source>Εκτύπωση κάθε απόδειξης αυτόματα</source>
        <translation>Print every receipt automatically</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/printer_page.py" line="35" />
        <source>Δοκιμαστική εκτύπωση</source>
        <translation>Test print</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/printer_page.py" line="42" />
        <source>Χαρτί:</source>
        <translation>Paper:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/printer_page.py" line="79" />
        <source>Εκτύπωση…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/printer_page.py" line="87" />
        <source>Αποθηκεύτηκε PDF: {0}</source>
        <translation>PDF saved: {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/printer_page.py" line="89" />
        <source>Εστάλη στον εκτυπωτή {0}</source>
        <translation>Sent to printer {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/printer_page.py" line="94" />
        <source>Η εκτύπωση απέτυχε: {0}</source>
        <translation>Printing failed: {0}</translation>
    </message>
</context>
<context>
    <name>ReconcileDialog</name>
    <message>
        <location filename="../../nexipos_desktop/ui/reconcile_dialog.py" line="20" />
        <source>Συμφωνεί</source>
        <translation>Matches</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/reconcile_dialog.py" line="21" />
        <source>Διαφορά ποσού</source>
        <translation>Amount differs</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/reconcile_dialog.py" line="22" />
        <source>Ακυρωμένη και στα δύο</source>
        <translation>Voided on both</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/reconcile_dialog.py" line="23" />
        <source>Ακύρωση μόνο στο ένα</source>
        <translation>Voided on one side only</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/reconcile_dialog.py" line="24" />
        <source>Μόνο στο ταμείο</source>
        <translation>Register only</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/reconcile_dialog.py" line="25" />
        <source>Μόνο στο τερματικό</source>
        <translation>Terminal only</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/reconcile_dialog.py" line="42" />
        <source>Συμφωνία καρτών ημέρας</source>
        <translation>Day's card reconciliation</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/reconcile_dialog.py" line="48" />
        <source>Συμφωνία</source>
        <translation>Reconcile</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/reconcile_dialog.py" line="49" />
        <source>Κλείσιμο</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/reconcile_dialog.py" line="54" />
        <source>Επιλέξτε ημέρα και πατήστε «Συμφωνία».</source>
        <translation>Choose a day and press “Reconcile”.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/reconcile_dialog.py" line="59" />
        <source>Αποτέλεσμα</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/reconcile_dialog.py" line="59" />
        <source>Απόδειξη</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/reconcile_dialog.py" line="59" />
        <source>Ποσό ταμείου</source>
        <translation>Register amount</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/reconcile_dialog.py" line="59" />
        <source>Ποσό τερματικού</source>
        <translation>Terminal amount</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/reconcile_dialog.py" line="60" />
        <source>TID</source>
        <translation>TID</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/reconcile_dialog.py" line="60" />
        <source>RRN</source>
        <translation>RRN</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/reconcile_dialog.py" line="60" />
        <source>Κωδ. έγκρισης</source>
        <translation>Auth code</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/reconcile_dialog.py" line="60" />
        <source>Σημείωση</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/reconcile_dialog.py" line="66" />
        <source>Ημέρα:</source>
        <translation>Day:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/reconcile_dialog.py" line="120" />
        <source>Καμία πληρωμή με κάρτα αυτή την ημέρα</source>
        <translation>No card payments on this day</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/reconcile_dialog.py" line="122" />
        <source>Προφορτωμένες σε αναμονή: {0}</source>
        <translation>Preloads waiting: {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/reconcile_dialog.py" line="125" />
        <source>Χωρίς διαφορές. {0}</source>
        <translation>No differences. {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/reconcile_dialog.py" line="128" />
        <source>Υπάρχουν διαφορές: ελέγξτε τις χρωματισμένες γραμμές. {0}</source>
        <translation>There are differences: check the coloured rows. {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/reconcile_dialog.py" line="132" />
        <source>Η συμφωνία δεν έγινε: {0}</source>
        <translation>The reconciliation failed: {0}</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../nexipos_desktop/ui/recovery_dialog.py" line="21" />
        <source>Εκκρεμότητες από την προηγούμενη λειτουργία</source>
        <translation>Pending items from the last session</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/recovery_dialog.py" line="24" />
        <source>Το ταμείο έκλεισε με εκκρεμείς πληρωμές. Ολοκληρώστε τις πριν από νέα πώληση.</source>
        <translation>The till closed with pending payments. Settle them before a new sale.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/recovery_dialog.py" line="35" />
        <source>Ανοιχτή πώληση {0}: {1} €</source>
        <translation>Open sale {0}: {1} €</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/recovery_dialog.py" line="36" />
        <source>Έκδοση απόδειξης (πληρώθηκε με κάρτα)</source>
        <translation>Issue the receipt (paid by card)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/recovery_dialog.py" line="37" />
        <source>Ακύρωση πώλησης</source>
        <translation>Cancel sale</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/recovery_dialog.py" line="46" />
        <source>Κλείσιμο</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/recovery_dialog.py" line="56" />
        <source>Εκδόθηκε {0}-{1}</source>
        <translation>Issued {0}-{1}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/recovery_dialog.py" line="64" />
        <source>Η πώληση {0} ακυρώθηκε· ο αριθμός θα δοθεί στην επόμενη</source>
        <translation>Sale {0} cancelled; its number goes to the next sale</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../nexipos_desktop/ui/settings_dialog.py" line="32" />
        <source>Ρυθμίσεις</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/settings_dialog.py" line="40" />
        <source>Επιχείρηση</source>
        <translation>Business</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/settings_dialog.py" line="41" />
        <source>Φορολογική διαδρομή</source>
        <translation>Fiscal route</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/settings_dialog.py" line="42" />
        <source>Τερματικά</source>
        <translation>Terminals</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/settings_dialog.py" line="43" />
        <source>Εκτύπωση</source>
        <translation>Printing</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/settings_dialog.py" line="44" />
        <source>Χρήστες</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/settings_dialog.py" line="48" />
        <source>Αποθήκευση</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/settings_dialog.py" line="49" />
        <source>Κλείσιμο</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/settings_dialog.py" line="71" />
        <source>Διορθώστε την καρτέλα «{0}».</source>
        <translation>Correct the “{0}” tab.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/settings_dialog.py" line="82" />
        <source>Αποθηκεύτηκε.</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/wizard.py" line="61" />
        <source>Οδηγός ρύθμισης NexiPOS</source>
        <extracomment>Secrets the wizard may replace (their presence, never their values, is shown).</extracomment>
        <translation>NexiPOS setup wizard</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/wizard.py" line="65" />
        <source>Επόμενο &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/wizard.py" line="66" />
        <source>&lt; Πίσω</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/wizard.py" line="67" />
        <source>Ολοκλήρωση</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/wizard.py" line="68" />
        <source>Άκυρο</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/wizard.py" line="95" />
        <source>Αποθήκευση…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/wizard.py" line="111" />
        <source>Δημιουργία καταστήματος επίδειξης…</source>
        <translation>Creating the demo shop…</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../nexipos_desktop/ui/sign_in_dialog.py" line="27" />
        <source>Ο ταμίας «{0}» θα αποσυνδεθεί. Ποιος συνδέεται;</source>
        <translation>Cashier '{0}' will be signed out. Who is signing in?</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/sign_in_dialog.py" line="28" />
        <source>Επιλέξτε το όνομά σας και πληκτρολογήστε το PIN σας.</source>
        <translation>Choose your name and type your PIN.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/sign_in_dialog.py" line="29" />
        <source>Σύνδεση ταμία</source>
        <translation>Cashier sign-in</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/sign_in_dialog.py" line="29" />
        <source>Χρήστης:</source>
        <translation>User:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/sign_in_dialog.py" line="29" />
        <source>Σύνδεση</source>
        <translation>Sign in</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/summary_page.py" line="17" />
        <source>Σύνοψη</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/summary_page.py" line="18" />
        <source>Με «Ολοκλήρωση» αποθηκεύονται όλα μαζί· με «Άκυρο» δεν αλλάζει τίποτα.</source>
        <translation>“Finish” saves everything at once; “Cancel” changes nothing.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/summary_page.py" line="24" />
        <source>Τα μυστικά (κλειδιά, κωδικοί) πάνε στον ασφαλή χώρο κλειδιών του συστήματος, ποτέ στη βάση ή στα αρχεία καταγραφής.</source>
        <translation>Secrets (keys, passwords) go to the system's secure key store, never to the database or the logs.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/summary_page.py" line="30" />
        <source>Επιχείρηση</source>
        <translation>Business</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/summary_page.py" line="32" />
        <source>Διεύθυνση</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/summary_page.py" line="33" />
        <source>Σειρές</source>
        <translation>Series</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/summary_page.py" line="34" />
        <source>Φορολογική διαδρομή</source>
        <translation>Fiscal route</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/summary_page.py" line="34" />
        <source>πάροχος {0}</source>
        <translation>provider {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/summary_page.py" line="35" />
        <source>ΦΗΜΑΣ {0}</source>
        <translation>fiscal device {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/summary_page.py" line="40" />
        <source>Τερματικό</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/summary_page.py" line="42" />
        <source>προεπιλεγμένος</source>
        <translation>default</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/summary_page.py" line="43" />
        <source>Εκτύπωση</source>
        <translation>Printing</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/summary_page.py" line="45" />
        <source>Χρήστες</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/summary_page.py" line="47" />
        <source>Στο keyring</source>
        <translation>In the keyring</translation>
    </message>
</context>
<context>
    <name>TcpPanel</name>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/tcp_panel.py" line="28" />
        <source>Δοκιμή σύνδεσης</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/tcp_panel.py" line="32" />
        <source>Διεύθυνση IP:</source>
        <translation>IP address:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/tcp_panel.py" line="33" />
        <source>Θύρα:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/tcp_panel.py" line="39" />
        <source>Στο τερματικό: «Ρυθμίσεις» → «Ρυθμίσεις ECR» → «Ρυθμίσεις Server» δείχνει την IP και τη θύρα. Στο SoftPOS τις δείχνει η αρχική οθόνη του FinConnect.</source>
        <translation>On the terminal: “Ρυθμίσεις” → “Ρυθμίσεις ECR” → “Ρυθμίσεις Server” shows the IP and port. On SoftPOS, FinConnect's home screen shows them.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/tcp_panel.py" line="44" />
        <source>Η IP του τερματικού μπορεί να αλλάζει σε κάθε επανασύνδεση στο δίκτυο. Ορίστε στατική IP στο τερματικό: «Ρυθμίσεις» → Wi-Fi → δίκτυο → «Advanced Options» → «IP settings» → «Static»: «IP Address», «Gateway» και «DNS server» τη διεύθυνση του router, «network prefix» 255.255.255.0 → «Connect».</source>
        <translation>The terminal's IP may change whenever it reconnects to the network. Set a static IP on the terminal: “Ρυθμίσεις” → Wi-Fi → network → “Advanced Options” → “IP settings” → “Static”: “IP Address”, “Gateway” and “DNS server” the router's address, “network prefix” 255.255.255.0 → “Connect”.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/tcp_panel.py" line="80" />
        <source>Δοκιμή σύνδεσης με {0}:{1}…</source>
        <translation>Testing the connection to {0}:{1}…</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/tcp_panel.py" line="92" />
        <source>Συνδέθηκε: TID {0} · έκδοση εφαρμογής {1}</source>
        <translation>Connected: TID {0} · app version {1}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/tcp_panel.py" line="97" />
        <source>Το τερματικό δεν απαντά πια στην αποθηκευμένη διεύθυνση {0}:{1}. Αν άλλαξε η IP του (DHCP), δείτε τη νέα στις «Ρυθμίσεις Server» του τερματικού, γράψτε την εδώ και ορίστε στατική IP.</source>
        <translation>The terminal no longer answers at its saved address {0}:{1}. If its IP changed (DHCP), read the new one in the terminal's “Ρυθμίσεις Server”, enter it here and set a static IP.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/tcp_panel.py" line="107" />
        <source>Άρνηση σύνδεσης</source>
        <translation>Connection refused</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/tcp_panel.py" line="107" />
        <source>Λήξη χρόνου</source>
        <translation>Timed out</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/tcp_panel.py" line="108" />
        <source>Μη προσβάσιμη διεύθυνση</source>
        <translation>Address unreachable</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/tcp_panel.py" line="108" />
        <source>Λάθος πρωτόκολλο</source>
        <translation>Wrong protocol</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/tcp_panel.py" line="109" />
        <source>Σφάλμα τερματικού {0}</source>
        <translation>Terminal error {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/tcp_panel.py" line="112" />
        <source>(Η διεύθυνση δεν είναι τοπικού δικτύου: το τερματικό TCPSocket είναι στο ίδιο LAN.)</source>
        <translation>(The address is not on a local network: a TCPSocket terminal is on the same LAN.)</translation>
    </message>
</context>
<context>
    <name>TerminalDialog</name>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminals_tab.py" line="27" />
        <source>Επανασύζευξη τερματικού</source>
        <translation>Re-pair terminal</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminals_tab.py" line="27" />
        <source>Νέο τερματικό</source>
        <translation>New terminal</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminals_tab.py" line="30" />
        <source>Προεπιλογή για αυτό το ταμείο</source>
        <translation>Default for this till</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminals_tab.py" line="33" />
        <source>Αποθήκευση</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminals_tab.py" line="34" />
        <source>Άκυρο</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>TerminalPage</name>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminal_page.py" line="28" />
        <source>Τερματικό καρτών</source>
        <translation>Card terminal</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminal_page.py" line="29" />
        <source>Το είδος του τερματικού και το πρωτόκολλο σύνδεσης ορίζουν τι μπορεί να κάνει το ταμείο.</source>
        <translation>The terminal's kind and the connection protocol decide what the till can do.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminal_page.py" line="34" />
        <source>TCPSocket (τοπικό δίκτυο)</source>
        <translation>TCPSocket (local network)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminal_page.py" line="35" />
        <source>WebECR (cloud)</source>
        <translation>WebECR (cloud)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminal_page.py" line="40" />
        <source>Τερματικό</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminal_page.py" line="40" />
        <source>Πρωτόκολλο</source>
        <translation>Protocol</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminal_page.py" line="40" />
        <source>Στο ταμείο</source>
        <translation>At the till</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminal_page.py" line="52" />
        <source>Όνομα (φαίνεται στον ταμία):</source>
        <translation>Name (shown to the cashier):</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminal_page.py" line="53" />
        <source>Είδος:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminal_page.py" line="58" />
        <source>Πρωτόκολλο:</source>
        <translation>Protocol:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminal_page.py" line="72" />
        <source>Αγορά</source>
        <translation>Sale</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminal_page.py" line="72" />
        <source>Ακύρωση</source>
        <translation>Void</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminal_page.py" line="73" />
        <source>Επιστροφή</source>
        <translation>Refund</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminal_page.py" line="73" />
        <source>Προέγκριση</source>
        <translation>Pre-authorisation</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminal_page.py" line="74" />
        <source>Ολοκλήρωση Προέγκρισης</source>
        <translation>Pre-authorisation completion</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminal_page.py" line="75" />
        <source>Φιλοδώρημα</source>
        <translation>Tip</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminal_page.py" line="75" />
        <source>Δόσεις</source>
        <translation>Instalments</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminal_page.py" line="76" />
        <source>Ετεροχρονισμένες Συναλλαγές</source>
        <translation>Deferred transactions</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminal_page.py" line="77" />
        <source>Ερώτηση αποτελέσματος μετά από διακοπή</source>
        <translation>Outcome query after an interruption</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminal_page.py" line="81" />
        <source>Τερματικό 1</source>
        <translation>Terminal 1</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminal_page.py" line="112" />
        <source>Δώστε ένα όνομα στο τερματικό (π.χ. «Ταμείο 1»).</source>
        <translation>Name the terminal (e.g. “Till 1”).</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminal_page.py" line="137" />
        <source>Περιμένετε να τελειώσει η δοκιμή σύνδεσης.</source>
        <translation>Wait for the connection test to finish.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminal_page.py" line="140" />
        <source>Πατήστε «Δοκιμή σύνδεσης»: το τερματικό πρέπει να απαντήσει πριν συνεχίσετε.</source>
        <translation>Press “Test connection”: the terminal must answer before you continue.</translation>
    </message>
</context>
<context>
    <name>TerminalsTab</name>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminals_tab.py" line="58" />
        <source>Όνομα</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminals_tab.py" line="58" />
        <source>Είδος</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminals_tab.py" line="58" />
        <source>Πρωτόκολλο</source>
        <translation>Protocol</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminals_tab.py" line="59" />
        <source>Διεύθυνση</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminals_tab.py" line="59" />
        <source>Προεπιλογή</source>
        <translation>Default</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminals_tab.py" line="60" />
        <source>Τελευταίος έλεγχος</source>
        <translation>Last check</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminals_tab.py" line="66" />
        <source>Προσθήκη…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminals_tab.py" line="67" />
        <source>Επανασύζευξη / αλλαγή…</source>
        <translation>Re-pair / change…</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminals_tab.py" line="68" />
        <source>Προεπιλογή για αυτό το ταμείο</source>
        <translation>Default for this till</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminals_tab.py" line="69" />
        <source>Αφαίρεση</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminals_tab.py" line="70" />
        <source>Δοκιμή σύνδεσης</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminals_tab.py" line="95" />
        <source>ενσωματωμένος προσομοιωτής</source>
        <translation>built-in simulator</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminals_tab.py" line="134" />
        <source>Το τερματικό «{0}» αποθηκεύτηκε.</source>
        <translation>Terminal “{0}” saved.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminals_tab.py" line="161" />
        <source>Η δοκιμή εδώ αφορά τερματικά TCPSocket· για WebECR κάντε επανασύζευξη.</source>
        <translation>This test is for TCPSocket terminals; for WebECR, re-pair.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminals_tab.py" line="163" />
        <source>Δοκιμή σύνδεσης με {0}:{1}…</source>
        <translation>Testing the connection to {0}:{1}…</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminals_tab.py" line="176" />
        <source>Το τερματικό «{0}» απάντησε: TID {1}</source>
        <translation>Terminal “{0}” answered: TID {1}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/terminals_tab.py" line="177" />
        <source>Το τερματικό «{0}» δεν απαντά: {1}</source>
        <translation>Terminal “{0}” does not answer: {1}</translation>
    </message>
</context>
<context>
    <name>TillSignIn</name>
    <message>
        <location filename="../../nexipos_desktop/ui/till_sign_in.py" line="40" />
        <source>Κανένας ταμίας δεν έχει συνδεθεί</source>
        <translation>No cashier is signed in</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/till_sign_in.py" line="42" />
        <source>Οι πωλήσεις ξεκινούν όταν συνδεθεί ταμίας με το PIN του.</source>
        <translation>Sales start once a cashier signs in with their PIN.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/till_sign_in.py" line="44" />
        <source>Σύνδεση ταμία ({0})</source>
        <translation>Cashier sign-in ({0})</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/till_sign_in.py" line="71" />
        <source>το κλείδωμα του ταμείου</source>
        <translation>locking the till</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/till_sign_in.py" line="87" />
        <source>την αλλαγή ταμία</source>
        <translation>changing the cashier</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/till_sign_in.py" line="90" />
        <source>Πληρωμή σε εξέλιξη: ολοκληρώστε την πριν από {0}.</source>
        <translation>A payment is in progress: finish it before {0}.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/till_sign_in.py" line="92" />
        <source>Ολοκληρώστε ή ακυρώστε την τρέχουσα πώληση πριν από {0}. Το καλάθι έμεινε ως ήταν.</source>
        <translation>Finish or cancel the current sale before {0}. The cart was left as it was.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/till_sign_in.py" line="103" />
        <source>Κανένας χρήστης δεν έχει PIN: ορίστε τα στο «Διαχείριση» → «Ρυθμίσεις» → «Χρήστες».</source>
        <translation>No user has a PIN: set them in 'Administration' → 'Settings' → 'Users'.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/till_sign_in.py" line="127" />
        <source>Συνδέθηκε: {0} (αποσυνδέθηκε: {1})</source>
        <translation>Signed in: {0} (signed out: {1})</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/till_sign_in.py" line="129" />
        <source>Συνδέθηκε: {0}</source>
        <translation>Signed in: {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/till_sign_in.py" line="142" />
        <source>Το ταμείο κλειδώθηκε ({0} αποσυνδέθηκε).</source>
        <translation>The till is locked ({0} signed out).</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/till_sign_in.py" line="158" />
        <source>Σύνδεση ταμία…</source>
        <translation>Cashier sign-in…</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/till_sign_in.py" line="158" />
        <source>Αλλαγή ταμία…</source>
        <translation>Change cashier…</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/till_sign_in.py" line="169" />
        <source>Ταμείο κλειδωμένο</source>
        <translation>Till locked</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/till_sign_in.py" line="172" />
        <source>Ταμίας: {0}</source>
        <translation>Cashier: {0}</translation>
    </message>
</context>
<context>
    <name>TotalsPanel</name>
    <message>
        <location filename="../../nexipos_desktop/ui/totals_panel.py" line="29" />
        <source>ΣΥΝΟΛΟ</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/totals_panel.py" line="37" />
        <source>Γραμμές: {0}</source>
        <translation>Lines: {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/totals_panel.py" line="43" />
        <source>ΦΠΑ</source>
        <translation>VAT</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/totals_panel.py" line="43" />
        <source>Καθαρή</source>
        <translation>Net</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/totals_panel.py" line="43" />
        <source>Φόρος</source>
        <translation>Tax</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/totals_panel.py" line="43" />
        <source>Σύνολο</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/users_page.py" line="23" />
        <source>Χρήστες και PIN</source>
        <translation>Users and PINs</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/users_page.py" line="24" />
        <source>Ο διαχειριστής εγκρίνει ρυθμίσεις, ακυρώσεις, επιστροφές και χειροκίνητη επίλυση πληρωμών.</source>
        <translation>The admin approves settings, voids, refunds and manual resolution of payments.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/users_page.py" line="25" />
        <source>Διαχειριστής</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/users_page.py" line="27" />
        <source>Ταμίας 1</source>
        <translation>Cashier 1</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/users_page.py" line="31" />
        <source>Διαχειριστής:</source>
        <translation>Admin:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/users_page.py" line="32" />
        <source>PIN διαχειριστή (4–8 ψηφία):</source>
        <translation>Admin PIN (4–8 digits):</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/users_page.py" line="33" />
        <source>PIN ξανά:</source>
        <translation>PIN again:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/users_page.py" line="35" />
        <source>Ταμίας:</source>
        <translation>Cashier:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/users_page.py" line="36" />
        <source>PIN ταμία:</source>
        <translation>Cashier PIN:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/users_page.py" line="39" />
        <source>Τα PIN αποθηκεύονται μόνο ως αργό κρυπτογραφικό αποτύπωμα (scrypt). Μετά από 3 λάθος PIN το PIN κλειδώνει για λίγο.</source>
        <translation>PINs are stored only as a slow cryptographic hash (scrypt). After 3 wrong PINs the PIN locks for a while.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/users_page.py" line="47" />
        <source>Συμπληρώστε τα ονόματα.</source>
        <translation>Enter the names.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/users_page.py" line="49" />
        <source>Ο διαχειριστής και ο ταμίας χρειάζονται διαφορετικά ονόματα.</source>
        <translation>The admin and the cashier need different names.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/users_page.py" line="52" />
        <source>Τα δύο PIN του διαχειριστή διαφέρουν.</source>
        <translation>The two admin PINs differ.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/users_page.py" line="55" />
        <source>Ο ταμίας χρειάζεται άλλο PIN από τον διαχειριστή.</source>
        <translation>The cashier needs a PIN other than the admin's.</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/users_tab.py" line="25" />
        <source>Όνομα</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/users_tab.py" line="25" />
        <source>Ρόλος</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/users_tab.py" line="25" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/users_tab.py" line="31" />
        <location filename="../../nexipos_desktop/ui/wizard/users_tab.py" line="54" />
        <source>Ταμίας</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/users_tab.py" line="32" />
        <location filename="../../nexipos_desktop/ui/wizard/users_tab.py" line="54" />
        <source>Διαχειριστής</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/users_tab.py" line="34" />
        <source>4–8 ψηφία· κενό = χωρίς αλλαγή</source>
        <translation>4–8 digits; empty = unchanged</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/users_tab.py" line="35" />
        <source>Αποθήκευση χρήστη</source>
        <translation>Save user</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/users_tab.py" line="39" />
        <source>Όνομα:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/users_tab.py" line="40" />
        <source>Ρόλος:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/users_tab.py" line="41" />
        <source>Νέο PIN:</source>
        <translation>New PIN:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/users_tab.py" line="87" />
        <source>Ο χρήστης «{0}» αποθηκεύτηκε.</source>
        <translation>User “{0}” saved.</translation>
    </message>
</context>
<context>
    <name>WebEcrPanel</name>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/webecr_panel.py" line="49" />
        <source>NEXI sandbox (δοκιμές)</source>
        <translation>NEXI sandbox (testing)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/webecr_panel.py" line="49" />
        <source>Παραγωγή</source>
        <translation>Production</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/webecr_panel.py" line="50" />
        <source>Άλλη διεύθυνση…</source>
        <translation>Other address…</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/webecr_panel.py" line="57" />
        <source>Σύζευξη</source>
        <translation>Pair</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/webecr_panel.py" line="59" />
        <source>Δοκιμή</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/webecr_panel.py" line="64" />
        <source>Περιβάλλον:</source>
        <translation>Environment:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/webecr_panel.py" line="65" />
        <source>Διεύθυνση API:</source>
        <translation>API address:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/webecr_panel.py" line="66" />
        <source>Όνομα χρήστη:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/webecr_panel.py" line="67" />
        <source>Κωδικός:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/webecr_panel.py" line="72" />
        <source>Κωδικός σύζευξης (8 ψηφία):</source>
        <translation>Pairing code (8 digits):</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/webecr_panel.py" line="76" />
        <source>Τερματικό (TID):</source>
        <translation>Terminal (TID):</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/webecr_panel.py" line="79" />
        <source>Στο τερματικό: FinConnect → «Λειτουργίες» → «WebECR Code» δίνει κωδικό 8 ψηφίων που ισχύει 15 λεπτά. Ο προσωρινός κωδικός του λογαριασμού (sandbox) πρέπει να αλλάξει πριν από τη χρήση σε παραγωγή.</source>
        <translation>On the terminal: FinConnect → “Λειτουργίες” → “WebECR Code” gives an 8-digit code valid for 15 minutes. The account's temporary (sandbox) password must be changed before production use.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/webecr_panel.py" line="117" />
        <source>ισχύει ακόμη {0}:{1:02d}</source>
        <translation>valid for {0}:{1:02d}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/webecr_panel.py" line="121" />
        <source>έληξε</source>
        <translation>expired</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/webecr_panel.py" line="123" />
        <source>Ο κωδικός έληξε: πάρτε νέο από το FinConnect → «Λειτουργίες» → «WebECR Code».</source>
        <translation>The code expired: get a new one from FinConnect → “Λειτουργίες” → “WebECR Code”.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/webecr_panel.py" line="129" />
        <source>Η διεύθυνση API πρέπει να αρχίζει με https://</source>
        <translation>The API address must start with https://</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/webecr_panel.py" line="132" />
        <source>Συμπληρώστε όνομα χρήστη και κωδικό του λογαριασμού WebECR.</source>
        <translation>Enter the WebECR account's user name and password.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/webecr_panel.py" line="142" />
        <source>Ο κωδικός σύζευξης έχει 8 ψηφία.</source>
        <translation>The pairing code has 8 digits.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/webecr_panel.py" line="148" />
        <source>Η σύζευξη WebECR δεν είναι διαθέσιμη σε αυτή την έκδοση.</source>
        <translation>WebECR pairing is not available in this version.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/webecr_panel.py" line="150" />
        <source>Σύζευξη…</source>
        <translation>Pairing…</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/webecr_panel.py" line="158" />
        <source>έληξε ή είναι λάθος</source>
        <translation>expired or wrong</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/webecr_panel.py" line="163" />
        <source>χρησιμοποιήθηκε</source>
        <translation>used</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/webecr_panel.py" line="169" />
        <source>Η σύζευξη έγινε: διαλέξτε το τερματικό και πατήστε «Δοκιμή».</source>
        <translation>Paired: choose the terminal and press “Test”.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/webecr_panel.py" line="170" />
        <source>Ο λογαριασμός δεν έχει τερματικά.</source>
        <translation>The account has no terminals.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/webecr_panel.py" line="178" />
        <source>Δοκιμή με το τερματικό {0}…</source>
        <translation>Testing terminal {0}…</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/webecr_panel.py" line="188" />
        <source>Το τερματικό {0} απάντησε: {1}</source>
        <translation>Terminal {0} answered: {1}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/webecr_panel.py" line="197" />
        <source>Γράψτε τον κωδικό σύζευξης από το τερματικό και πατήστε «Σύζευξη».</source>
        <translation>Enter the pairing code from the terminal and press “Pair”.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/webecr_panel.py" line="200" />
        <source>Πατήστε «Δοκιμή» για το τερματικό που διαλέξατε.</source>
        <translation>Press “Test” for the terminal you chose.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/welcome_page.py" line="22" />
        <source>Καλώς ήρθατε στο NexiPOS</source>
        <translation>Welcome to NexiPOS</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/welcome_page.py" line="23" />
        <source>Πριν από τη σύνδεση με το τερματικό NEXI, κάντε τα παρακάτω στο τερματικό.</source>
        <translation>Before connecting the NEXI terminal, do the following on the terminal.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/welcome_page.py" line="25" />
        <source>Τερματικό ήδη σε χρήση: έκλεισα το πακέτο («Πακέτο» → «Κλείσιμο Πακέτου») ώστε να μην υπάρχουν εκκρεμείς συναλλαγές</source>
        <translation>Terminal already in use: I closed the batch (“Πακέτο” → “Κλείσιμο Πακέτου”) so no transactions are pending</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/welcome_page.py" line="26" />
        <source>Επανεκκίνησα την εφαρμογή πληρωμών (έξοδος και είσοδος από το εικονίδιο «Πληρωμή»)</source>
        <translation>I restarted the payment app (exit, then enter through the “Πληρωμή” icon)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/welcome_page.py" line="27" />
        <source>Το τερματικό είναι στο ίδιο τοπικό δίκτυο Wi-Fi με το ταμείο (TCPSocket) ή έχει Internet με Wi-Fi ή 4G (WebECR)</source>
        <translation>The terminal is on the same local Wi-Fi as the till (TCPSocket) or has Internet over Wi-Fi or 4G (WebECR)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/welcome_page.py" line="29" />
        <source>Υποστήριξη NEXI POS: τηλ. {0} · e-mail {1}</source>
        <translation>NEXI POS support: phone {0} · e-mail {1}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/welcome_page.py" line="31" />
        <source>Χρήση ενσωματωμένου προσομοιωτή</source>
        <translation>Use the built-in simulator</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/welcome_page.py" line="32" />
        <source>Κατάστημα επίδειξης με προϊόντα και προσομοιωτή τερματικού, χωρίς ρυθμίσεις</source>
        <translation>A demo shop with products and a terminal simulator, no setup needed</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/welcome_page.py" line="35" />
        <source>Στο κατάστημα επίδειξης: PIN ταμία «Ταμίας 1» 0000, PIN διαχειριστή «Διαχειριστής» 1234.</source>
        <translation>In the demo shop: cashier «Ταμίας 1» PIN 0000, admin «Διαχειριστής» PIN 1234.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/wizard/welcome_page.py" line="53" />
        <source>Σημειώστε ότι ολοκληρώσατε κάθε βήμα· αλλιώς το τερματικό μπορεί να απορρίψει τη σύνδεση.</source>
        <translation>Tick every step once done; otherwise the terminal may refuse the connection.</translation>
    </message>
</context>
<context>
    <name>self.window</name>
    <message>
        <location filename="../../nexipos_desktop/ui/card_flow.py" line="62" />
        <source>Πληρώθηκαν {0} € με κάρτα · Υπόλοιπο {1} €: Μετρητά (F8) ή Κάρτα (F9)</source>
        <translation>Paid {0} € by card · Remaining {1} €: Cash (F8) or Card (F9)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_flow.py" line="87" />
        <source>Η πώληση δεν ακυρώνεται</source>
        <translation>The sale cannot be cancelled</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../nexipos_desktop/ui/admin_actions.py" line="20" />
        <source>Ολοκληρώστε ή ακυρώστε την τρέχουσα πώληση πριν από τις ρυθμίσεις.</source>
        <translation>Finish or cancel the current sale before the settings.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/admin_actions.py" line="22" />
        <source>Ρυθμίσεις</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/admin_actions.py" line="22" />
        <source>Οδηγός ρύθμισης</source>
        <translation>Setup wizard</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/admin_actions.py" line="43" />
        <source>Οι ρυθμίσεις αποθηκεύτηκαν.</source>
        <translation>Settings saved.</translation>
    </message>
</context>
</TS>