<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US" sourcelanguage="el_GR">
<context>
    <name>CartModel</name>
    <message>
        <location filename="../../nexipos_desktop/ui/cart_model.py" line="23" />
        <source>Περιγραφή</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/cart_model.py" line="23" />
        <source>Ποσότητα</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/cart_model.py" line="23" />
        <source>Τιμή</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/cart_model.py" line="23" />
        <source>Έκπτωση</source>
        <translation>Discount</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/cart_model.py" line="24" />
        <source>ΦΠΑ</source>
        <translation>VAT</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/cart_model.py" line="24" />
        <source>Αξία</source>
        <translation>Value</translation>
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
        <location filename="../../nexipos_desktop/ui/catalogue_panel.py" line="42" />
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
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="38" />
        <source>Ιστορικό αποδείξεων</source>
        <translation>Receipts history</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="42" />
        <source>Όλες οι ημέρες</source>
        <translation>All days</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="43" />
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="46" />
        <source>Αριθμός</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="46" />
        <source>Ημ/νία ώρα</source>
        <translation>Date time</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="46" />
        <source>Τύπος</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="47" />
        <source>Σύνολο</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="47" />
        <source>ΜΑΡΚ</source>
        <translation>MARK</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="57" />
        <source>Επανεκτύπωση (ΑΝΤΙΓΡΑΦΟ)</source>
        <translation>Reprint (COPY)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="58" />
        <source>Αποθήκευση PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="59" />
        <source>Επιστροφή (πιστωτικό)</source>
        <translation>Refund (credit note)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="72" />
        <source>Ημέρα:</source>
        <translation>Day:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="75" />
        <source>Αριθμός:</source>
        <translation>Number:</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="103" />
        <source>Φόρτωση…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="113" />
        <source>{0} αποδείξεις</source>
        <translation>{0} receipts</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="154" />
        <source>Αποθήκευση PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="160" />
        <source>Αποθηκεύτηκε: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="168" />
        <source>Επιστροφή</source>
        <translation>Refund</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="169" />
        <source>Έκδοση πιστωτικού στοιχείου για ολόκληρη την απόδειξη {0}-{1} ({2} €) με επιστροφή μετρητών;</source>
        <translation>Issue a credit note for the whole receipt {0}-{1} ({2} €) and refund in cash?</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="181" />
        <source>Εκδόθηκε πιστωτικό {0}-{1}</source>
        <translation>Credit note {0}-{1} issued</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/history_dialog.py" line="192" />
        <source>Σφάλμα</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="58" />
        <source>NexiPOS — {0}</source>
        <translation>NexiPOS — {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="99" />
        <source>Ποσότητα (F4)</source>
        <translation>Quantity (F4)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="100" />
        <source>Έκπτωση (F5)</source>
        <translation>Discount (F5)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="101" />
        <source>Διαγραφή (Del)</source>
        <translation>Delete (Del)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="102" />
        <source>Ακύρωση πώλησης (Esc)</source>
        <translation>Cancel sale (Esc)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="108" />
        <source>Μετρητά (F8)</source>
        <translation>Cash (F8)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="109" />
        <source>Κάρτα (F9)</source>
        <translation>Card (F9)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="116" />
        <source>Δεν έχει ρυθμιστεί τερματικό καρτών: ρυθμίστε το από τις Ρυθμίσεις</source>
        <translation>No card terminal is configured: set one up in Settings</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="136" />
        <source>&amp;Ταμείο</source>
        <translation>&amp;Till</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="138" />
        <source>Βοήθεια: πλήκτρα συντόμευσης</source>
        <translation>Help: keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="139" />
        <source>Αναζήτηση προϊόντος</source>
        <translation>Search product</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="140" />
        <source>Αλλαγή ποσότητας της επιλεγμένης γραμμής</source>
        <translation>Change the quantity of the selected line</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="141" />
        <source>Έκπτωση στην επιλεγμένη γραμμή (ποσό ή %)</source>
        <translation>Discount on the selected line (amount or %)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="142" />
        <source>Διαγραφή της επιλεγμένης γραμμής</source>
        <translation>Delete the selected line</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="143" />
        <source>Πληρωμή με μετρητά</source>
        <translation>Cash payment</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="144" />
        <source>Ιστορικό αποδείξεων: προβολή, επανεκτύπωση, PDF</source>
        <translation>Receipts history: view, reprint, PDF</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="145" />
        <source>Επανεκτύπωση της τελευταίας απόδειξης</source>
        <translation>Reprint the last receipt</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="146" />
        <source>Ακύρωση της τρέχουσας πώλησης</source>
        <translation>Cancel the current sale</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="156" />
        <source>Πληρωμή με κάρτα (όταν έχει ρυθμιστεί τερματικό)</source>
        <translation>Card payment (once a terminal is configured)</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="157" />
        <source>Σάρωση οπουδήποτε στο παράθυρο: προσθήκη στο καλάθι</source>
        <translation>Scan anywhere in the window: adds to the cart</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="161" />
        <source>Ταμίας: {0}</source>
        <translation>Cashier: {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="163" />
        <source>δεν έχει ρυθμιστεί</source>
        <translation>not configured</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="164" />
        <source>Τερματικό: {0}</source>
        <translation>Terminal: {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="178" />
        <source>Προστέθηκε: {0}</source>
        <translation>Added: {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="185" />
        <source>Άγνωστος κωδικός ή barcode: «{0}»</source>
        <translation>Unknown code or barcode: “{0}”</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="223" />
        <source>Ακύρωση πώλησης</source>
        <translation>Cancel sale</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="224" />
        <source>Να αδειάσει το καλάθι; Δεν θα εκδοθεί απόδειξη.</source>
        <translation>Empty the cart? No receipt will be issued.</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="227" />
        <source>Η πώληση ακυρώθηκε</source>
        <translation>The sale was cancelled</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="260" />
        <source>Δεν εκδόθηκε απόδειξη</source>
        <translation>No receipt was issued</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="267" />
        <source>Εκδόθηκε {0} {1}-{2} · Ρέστα: {3} €</source>
        <translation>Issued {0} {1}-{2} · Change: {3} €</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="269" />
        <source>Τελευταία: {0}-{1}</source>
        <translation>Last: {0}-{1}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="286" />
        <source>Η εκτύπωση απέτυχε: {0}</source>
        <translation>Printing failed: {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="289" />
        <source>Η απόδειξη αποθηκεύτηκε ως PDF: {0}</source>
        <translation>The receipt was saved as PDF: {0}</translation>
    </message>
    <message>
        <location filename="../../nexipos_desktop/ui/main_window.py" line="291" />
        <source>Εκτυπώθηκε στον {0}</source>
        <translation>Printed on {0}</translation>
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
</TS>