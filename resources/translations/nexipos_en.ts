<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US" sourcelanguage="el_GR">
<context>
    <name>CardPaymentDialog</name>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="20" />
        <source>Εγκρίθηκε</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="21" />
        <source>Απορρίφθηκε</source>
        <translation>Declined</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="22" />
        <source>Ακυρώθηκε στο τερματικό</source>
        <translation>Cancelled on the terminal</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="23" />
        <source>Δεν ολοκληρώθηκε (δεν χρεώθηκε)</source>
        <translation>Not completed (not charged)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="24" />
        <source>Το τερματικό είναι απασχολημένο· δοκιμάστε ξανά σε λίγο</source>
        <translation>The terminal is busy; try again shortly</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="25" />
        <source>Το πακέτο του τερματικού είναι γεμάτο: κλείστε το πακέτο («Πακέτο» → «Κλείσιμο Πακέτου»)</source>
        <translation>The terminal's batch is full: close the batch (“Πακέτο” → “Κλείσιμο Πακέτου”)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="27" />
        <source>Άγνωστο αποτέλεσμα</source>
        <translation>Unknown outcome</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="40" />
        <source>Πληρωμή με κάρτα</source>
        <translation>Card payment</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="48" />
        <source>Τερματικό:</source>
        <translation>Terminal:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="49" />
        <source>Ποσό:</source>
        <translation>Amount:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="51" />
        <source>Φιλοδώρημα:</source>
        <translation>Tip:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="53" />
        <source>Δόσεις:</source>
        <translation>Instalments:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="54" />
        <source>Πατήστε «Αποστολή» και δώστε το τερματικό στον πελάτη</source>
        <translation>Press “Send” and hand the terminal to the customer</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="60" />
        <source>Αποστολή στο τερματικό</source>
        <translation>Send to terminal</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="61" />
        <source>Κλείσιμο</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="121" />
        <source>Έτοιμο</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="121" />
        <source>Απαιτείται επιβεβαίωση</source>
        <translation>Confirmation needed</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="127" />
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="149" />
        <source>Νέα προσπάθεια</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="146" />
        <source>Εγκρίθηκε (επιβεβαιώθηκε)</source>
        <translation>Approved (confirmed)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="146" />
        <source>Δεν χρεώθηκε</source>
        <translation>Not charged</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/card_dialog.py" line="154" />
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
        <location filename="../../nexipos_desktop/ui/deferred_payments.py" line="109" />
        <source>Προφορτωμένες: {0}</source>
        <translation>Preloaded: {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/deferred_payments.py" line="111" />
        <source>{0} θέλουν ενέργεια</source>
        <translation>{0} need action</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/deferred_payments.py" line="121" />
        <source>Χρειάζεται πώληση με είδη και ρυθμισμένο τερματικό καρτών</source>
        <translation>This needs a sale with items and a configured card terminal</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/deferred_payments.py" line="127" />
        <source>Το τερματικό δεν δέχεται προφορτωμένες πληρωμές (χρειάζεται WebECR)</source>
        <translation>The terminal does not take preloaded payments (WebECR is needed)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/deferred_payments.py" line="154" />
        <source>Εκδόθηκε {0}-{1} με πληρωμή αργότερα στο τερματικό ({2} €)</source>
        <translation>Issued {0}-{1}, to be paid later on the terminal ({2} €)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/deferred_payments.py" line="184" />
        <source>Καταχωρίστηκε πληρωμή {0} € από την απόδειξη του τερματικού · Υπόλοιπο {1} €</source>
        <translation>Recorded a {0} € payment from the terminal's slip · Balance {1} €</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/deferred_payments.py" line="202" />
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
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="208" />
        <source>Επιστροφή στην κάρτα</source>
        <translation>Refund to card</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="64" />
        <source>Ακύρωση χρέωσης κάρτας</source>
        <translation>Void card charge</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="79" />
        <source>Ημέρα:</source>
        <translation>Day:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="82" />
        <source>Αριθμός:</source>
        <translation>Number:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="111" />
        <source>Φόρτωση…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="121" />
        <source>{0} αποδείξεις</source>
        <translation>{0} receipts</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="170" />
        <source>Αποθήκευση PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="176" />
        <source>Αποθηκεύτηκε: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="184" />
        <source>Επιστροφή</source>
        <translation>Refund</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="185" />
        <source>Έκδοση πιστωτικού στοιχείου για ολόκληρη την απόδειξη {0}-{1} ({2} €) με επιστροφή μετρητών;</source>
        <translation>Issue a credit note for the whole receipt {0}-{1} ({2} €) and refund in cash?</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="197" />
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="236" />
        <source>Εκδόθηκε πιστωτικό {0}-{1}</source>
        <translation>Credit note {0}-{1} issued</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="205" />
        <source>Ακύρωση (void) της χρέωσης κάρτας της απόδειξης {0}-{1} ({2} €) και έκδοση πιστωτικού;</source>
        <translation>Void the card charge of receipt {0}-{1} ({2} €) and issue a credit note?</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="207" />
        <source>Επιστροφή στην κάρτα για την απόδειξη {0}-{1} ({2} €) και έκδοση πιστωτικού;</source>
        <translation>Refund receipt {0}-{1} ({2} €) to the card and issue a credit note?</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="230" />
        <source>Το τερματικό δεν ολοκλήρωσε την επιστροφή ({0}): {1}</source>
        <translation>The terminal did not complete the refund ({0}): {1}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="246" />
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
        <location filename="../../nexipos_desktop/ui/in_doubt_panel.py" line="59" />
        <source>Ερώτηση στο τερματικό…</source>
        <translation>Asking the terminal…</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/in_doubt_panel.py" line="62" />
        <source>Το τερματικό δεν έδωσε απάντηση· δηλώστε τι δείχνει η απόδειξή του.</source>
        <translation>The terminal gave no answer; state what its slip shows.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="89" />
        <source>NexiPOS — {0}</source>
        <translation>NexiPOS — {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="126" />
        <source>Ποσότητα (F4)</source>
        <translation>Quantity (F4)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="127" />
        <source>Έκπτωση (F5)</source>
        <translation>Discount (F5)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="128" />
        <source>Διαγραφή (Del)</source>
        <translation>Delete (Del)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="129" />
        <source>Ακύρωση πώλησης (Esc)</source>
        <translation>Cancel sale (Esc)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="135" />
        <source>Μετρητά (F8)</source>
        <translation>Cash (F8)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="136" />
        <source>Κάρτα (F9)</source>
        <translation>Card (F9)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="97" />
        <source>Πληρωμή στο τερματικό {0}</source>
        <translation>Payment on terminal {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="98" />
        <source>Δεν έχει ρυθμιστεί τερματικό καρτών: ρυθμίστε το από τις Ρυθμίσεις</source>
        <translation>No card terminal is configured: set one up in Settings</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="100" />
        <location filename="../../nexipos_desktop/ui/main_window.py" line="101" />
        <source>Άνοιγμα βάσης δεδομένων…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="102" />
        <source>Έτοιμο για πώληση</source>
        <translation>Ready to sell</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="162" />
        <source>&amp;Ταμείο</source>
        <translation>&amp;Till</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="164" />
        <source>Βοήθεια: πλήκτρα συντόμευσης</source>
        <translation>Help: keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="165" />
        <source>Αναζήτηση προϊόντος</source>
        <translation>Search product</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="166" />
        <source>Αλλαγή ποσότητας της επιλεγμένης γραμμής</source>
        <translation>Change the quantity of the selected line</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="167" />
        <source>Έκπτωση στην επιλεγμένη γραμμή (ποσό ή %)</source>
        <translation>Discount on the selected line (amount or %)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="168" />
        <source>Διαγραφή της επιλεγμένης γραμμής</source>
        <translation>Delete the selected line</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="169" />
        <source>Πληρωμή με μετρητά</source>
        <translation>Cash payment</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="170" />
        <source>Πληρωμή με κάρτα στο τερματικό</source>
        <translation>Card payment on the terminal</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="171" />
        <source>Ιστορικό αποδείξεων: προβολή, επανεκτύπωση, PDF</source>
        <translation>Receipts history: view, reprint, PDF</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="172" />
        <source>Επανεκτύπωση της τελευταίας απόδειξης</source>
        <translation>Reprint the last receipt</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="173" />
        <source>Ακύρωση της τρέχουσας πώλησης</source>
        <translation>Cancel the current sale</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="183" />
        <source>Σάρωση οπουδήποτε στο παράθυρο: προσθήκη στο καλάθι</source>
        <translation>Scan anywhere in the window: adds to the cart</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="93" />
        <source>Ταμίας: {0}</source>
        <translation>Cashier: {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="94" />
        <source>δεν έχει ρυθμιστεί</source>
        <translation>not configured</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="95" />
        <source>Τερματικό: {0}</source>
        <translation>Terminal: {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="210" />
        <source>Προστέθηκε: {0}</source>
        <translation>Added: {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="217" />
        <source>Άγνωστος κωδικός ή barcode: «{0}»</source>
        <translation>Unknown code or barcode: “{0}”</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="259" />
        <source>Ακύρωση πώλησης</source>
        <translation>Cancel sale</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="260" />
        <source>Να αδειάσει το καλάθι; Δεν θα εκδοθεί απόδειξη.</source>
        <translation>Empty the cart? No receipt will be issued.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="263" />
        <source>Η πώληση ακυρώθηκε</source>
        <translation>The sale was cancelled</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="307" />
        <source>Δεν εκδόθηκε απόδειξη</source>
        <translation>No receipt was issued</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="319" />
        <source>Εκδόθηκε {0} {1}-{2} · Ρέστα: {3} €</source>
        <translation>Issued {0} {1}-{2} · Change: {3} €</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="321" />
        <source>Τελευταία: {0}-{1}</source>
        <translation>Last: {0}-{1}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="339" />
        <source>Η εκτύπωση απέτυχε: {0}</source>
        <translation>Printing failed: {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="342" />
        <source>Η απόδειξη αποθηκεύτηκε ως PDF: {0}</source>
        <translation>The receipt was saved as PDF: {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="344" />
        <source>Εκτυπώθηκε στον {0}</source>
        <translation>Printed on {0}</translation>
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
        <location filename="../../nexipos_desktop/ui/preload_send_dialog.py" line="96" />
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
</TS>