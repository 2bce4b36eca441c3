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
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="237" />
        <source>Επιστροφή στην κάρτα</source>
        <translation>Refund to card</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="64" />
        <source>Ακύρωση χρέωσης κάρτας</source>
        <translation>Void card charge</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="65" />
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="274" />
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
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="199" />
        <source>Αποθήκευση PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="205" />
        <source>Αποθηκεύτηκε: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="213" />
        <source>Επιστροφή</source>
        <translation>Refund</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="214" />
        <source>Έκδοση πιστωτικού στοιχείου για ολόκληρη την απόδειξη {0}-{1} ({2} €) με επιστροφή μετρητών;</source>
        <translation>Issue a credit note for the whole receipt {0}-{1} ({2} €) and refund in cash?</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="226" />
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="265" />
        <source>Εκδόθηκε πιστωτικό {0}-{1}</source>
        <translation>Credit note {0}-{1} issued</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="234" />
        <source>Ακύρωση (void) της χρέωσης κάρτας της απόδειξης {0}-{1} ({2} €) και έκδοση πιστωτικού;</source>
        <translation>Void the card charge of receipt {0}-{1} ({2} €) and issue a credit note?</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="236" />
        <source>Επιστροφή στην κάρτα για την απόδειξη {0}-{1} ({2} €) και έκδοση πιστωτικού;</source>
        <translation>Refund receipt {0}-{1} ({2} €) to the card and issue a credit note?</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="259" />
        <source>Το τερματικό δεν ολοκλήρωσε την επιστροφή ({0}): {1}</source>
        <translation>The terminal did not complete the refund ({0}): {1}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="275" />
        <source>Ακύρωση στο myDATA της απόδειξης {0}-{1} (ΜΑΡΚ {2}); Η ακύρωση δεν αναιρείται.</source>
        <translation>Cancel receipt {0}-{1} (MARK {2}) in myDATA? A cancellation cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="300" />
        <source>Η ακύρωση στο myDATA στάλθηκε για διαβίβαση</source>
        <translation>The myDATA cancellation is queued for transmission</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="309" />
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
        <location filename="../../nexipos_desktop/ui/main_window.py" line="91" />
        <source>NexiPOS — {0}</source>
        <translation>NexiPOS — {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="130" />
        <source>Ποσότητα (F4)</source>
        <translation>Quantity (F4)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="131" />
        <source>Έκπτωση (F5)</source>
        <translation>Discount (F5)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="132" />
        <source>Διαγραφή (Del)</source>
        <translation>Delete (Del)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="133" />
        <source>Ακύρωση πώλησης (Esc)</source>
        <translation>Cancel sale (Esc)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="139" />
        <source>Μετρητά (F8)</source>
        <translation>Cash (F8)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="140" />
        <source>Κάρτα (F9)</source>
        <translation>Card (F9)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="101" />
        <source>Πληρωμή στο τερματικό {0}</source>
        <translation>Payment on terminal {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="102" />
        <source>Δεν έχει ρυθμιστεί τερματικό καρτών: ρυθμίστε το από τις Ρυθμίσεις</source>
        <translation>No card terminal is configured: set one up in Settings</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="104" />
        <location filename="../../nexipos_desktop/ui/main_window.py" line="105" />
        <source>Άνοιγμα βάσης δεδομένων…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="106" />
        <source>Έτοιμο για πώληση</source>
        <translation>Ready to sell</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="166" />
        <source>&amp;Ταμείο</source>
        <translation>&amp;Till</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="168" />
        <source>Βοήθεια: πλήκτρα συντόμευσης</source>
        <translation>Help: keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="169" />
        <source>Αναζήτηση προϊόντος</source>
        <translation>Search product</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="170" />
        <source>Αλλαγή ποσότητας της επιλεγμένης γραμμής</source>
        <translation>Change the quantity of the selected line</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="171" />
        <source>Έκπτωση στην επιλεγμένη γραμμή (ποσό ή %)</source>
        <translation>Discount on the selected line (amount or %)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="172" />
        <source>Διαγραφή της επιλεγμένης γραμμής</source>
        <translation>Delete the selected line</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="173" />
        <source>Πληρωμή με μετρητά</source>
        <translation>Cash payment</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="174" />
        <source>Πληρωμή με κάρτα στο τερματικό</source>
        <translation>Card payment on the terminal</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="175" />
        <source>Ιστορικό αποδείξεων: προβολή, επανεκτύπωση, PDF</source>
        <translation>Receipts history: view, reprint, PDF</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="176" />
        <source>Διαβίβαση στο myDATA: εκκρεμή και απορριφθέντα</source>
        <translation>myDATA transmission: pending and rejected</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="177" />
        <source>Επανεκτύπωση της τελευταίας απόδειξης</source>
        <translation>Reprint the last receipt</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="178" />
        <source>Ακύρωση της τρέχουσας πώλησης</source>
        <translation>Cancel the current sale</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="188" />
        <source>Σάρωση οπουδήποτε στο παράθυρο: προσθήκη στο καλάθι</source>
        <translation>Scan anywhere in the window: adds to the cart</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="97" />
        <source>Ταμίας: {0}</source>
        <translation>Cashier: {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="98" />
        <source>δεν έχει ρυθμιστεί</source>
        <translation>not configured</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="99" />
        <source>Τερματικό: {0}</source>
        <translation>Terminal: {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="222" />
        <source>Προστέθηκε: {0}</source>
        <translation>Added: {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="229" />
        <source>Άγνωστος κωδικός ή barcode: «{0}»</source>
        <translation>Unknown code or barcode: “{0}”</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="271" />
        <source>Ακύρωση πώλησης</source>
        <translation>Cancel sale</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="272" />
        <source>Να αδειάσει το καλάθι; Δεν θα εκδοθεί απόδειξη.</source>
        <translation>Empty the cart? No receipt will be issued.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="275" />
        <source>Η πώληση ακυρώθηκε</source>
        <translation>The sale was cancelled</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="319" />
        <source>Δεν εκδόθηκε απόδειξη</source>
        <translation>No receipt was issued</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="331" />
        <source>Εκδόθηκε {0} {1}-{2} · Ρέστα: {3} €</source>
        <translation>Issued {0} {1}-{2} · Change: {3} €</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="333" />
        <source>Τελευταία: {0}-{1}</source>
        <translation>Last: {0}-{1}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="386" />
        <source>Η εκτύπωση απέτυχε: {0}</source>
        <translation>Printing failed: {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="389" />
        <source>Η απόδειξη αποθηκεύτηκε ως PDF: {0}</source>
        <translation>The receipt was saved as PDF: {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="391" />
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
        <translation>Cancellation</translation>
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
        <location filename="../../nexipos_desktop/ui/mydata_dialog.py" line="130" />
        <source>Το έγγραφο {0} θα σταλεί ξανά</source>
        <translation>Document {0} will be sent again</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_dialog.py" line="139" />
        <source>Σφάλμα</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>MyDataIndicator</name>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_status.py" line="38" />
        <source>myDATA</source>
        <translation>myDATA</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_status.py" line="71" />
        <source>{0} σε αναμονή</source>
        <translation>{0} waiting</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_status.py" line="73" />
        <source>{0} απορρίφθηκαν</source>
        <translation>{0} rejected</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_status.py" line="75" />
        <source>δεν έχει ρυθμιστεί</source>
        <translation>not configured</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_status.py" line="77" />
        <source>χωρίς σύνδεση</source>
        <translation>offline</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_status.py" line="78" />
        <source>myDATA: {0}</source>
        <translation>myDATA: {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_status.py" line="78" />
        <source>myDATA ✓</source>
        <translation>myDATA ✓</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/mydata_status.py" line="82" />
        <source>Διαβίβαση παραστατικών στην ΑΑΔΕ (myDATA): κλικ για λεπτομέρειες</source>
        <translation>Transmission of documents to AADE (myDATA): click for details</translation>
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