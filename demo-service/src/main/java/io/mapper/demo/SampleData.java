package io.mapper.demo;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.mapper.demo.domain.Category;
import io.mapper.demo.domain.Customer;
import io.mapper.demo.domain.EmailAddress;
import io.mapper.demo.domain.Product;
import io.mapper.demo.domain.OrderPlaced;
import io.mapper.demo.domain.PurchaseOrder;
import io.mapper.demo.domain.Review;
import io.mapper.demo.domain.ShippingAddress;
import io.mapper.demo.domain.Tag;
import io.mapper.orm.SessionOperations;

/**
 * Fills an empty database with a small store on first start (the tables come from {@code mapper.schema=create}):
 * a category tree, tags, products, customers, a year of orders and some reviews. Does nothing when customers exist.
 */
@Component
class SampleData implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SampleData.class);

    private final SessionOperations session;
    private final DemoProperties properties;

    SampleData(SessionOperations session, DemoProperties properties) {
        this.session = session;
        this.properties = properties;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!properties.sampleData() || session.query(Customer.class).count() > 0) {
            return;
        }
        Category kitchen = new Category("Kitchen");
        Category cookware = kitchen.addChild(new Category("Cookware"));
        Category pans = cookware.addChild(new Category("Pans"));
        Category tea = kitchen.addChild(new Category("Tea & Coffee"));
        Category garden = new Category("Garden");
        Category tools = garden.addChild(new Category("Tools"));
        session.addAll(List.of(kitchen, garden));

        Map<String, Tag> tags = new LinkedHashMap<>();
        for (String name : List.of("bestseller", "eco", "gift", "new")) {
            tags.put(name, new Tag(name));
        }
        session.addAll(tags.values());

        List<Product> products = new ArrayList<>();
        products.add(product("PAN-24", "Cast-iron pan 24 cm", "29.90", 40, pans, tags.get("bestseller")));
        products.add(product("PAN-28", "Cast-iron pan 28 cm", "34.90", 25, pans));
        products.add(product("POT-5L", "Stock pot 5 l", "49.00", 15, cookware, tags.get("gift")));
        products.add(product("KNIFE-CHEF", "Chef's knife", "79.00", 30, cookware, tags.get("bestseller"),
                tags.get("gift")));
        products.add(product("KETTLE-1", "Stovetop kettle", "39.50", 20, tea, tags.get("new")));
        products.add(product("TEA-GREEN", "Green tea, 100 g", "6.90", 200, tea, tags.get("eco")));
        products.add(product("TEA-BLACK", "Assam black tea, 250 g", "9.90", 150, tea, tags.get("eco"),
                tags.get("bestseller")));
        products.add(product("GRINDER", "Burr coffee grinder", "129.00", 8, tea, tags.get("gift")));
        products.add(product("SPADE", "Garden spade", "24.90", 35, tools));
        products.add(product("SHEARS", "Pruning shears", "19.90", 50, tools, tags.get("bestseller")));
        products.add(product("HOSE-25", "Garden hose 25 m", "44.00", 0, garden, tags.get("new")));
        products.add(product("COMPOST", "Compost bin, recycled plastic", "59.00", 12, garden, tags.get("eco")));
        session.addAll(products);

        List<Customer> customers = List.of(
                customer("ada@example.com", "Ada Lovelace", "12 St James's Square", "SW1Y 4JH", "London", "GB"),
                customer("grace@example.com", "Grace Hopper", "1 Navy Way", "10001", "New York", "US"),
                customer("alan@example.com", "Alan Turing", "Bletchley Park", "MK3 6EB", "Milton Keynes", "GB"),
                customer("edsger@example.com", "Edsger Dijkstra", "Plantage Muidergracht 24", "1018 TV",
                        "Amsterdam", "NL"),
                customer("barbara@example.com", "Barbara Liskov", "32 Vassar St", "02139", "Cambridge", "US"));
        session.addAll(customers);

        // A year of orders, a few per month, from a fixed pattern so every start makes the same store.
        LocalDateTime start = LocalDateTime.now().withDayOfMonth(1).withHour(10).withMinute(0).withSecond(0)
                .withNano(0).minusMonths(11);
        int orders = 0;
        for (int month = 0; month < 12; month++) {
            for (int i = 0; i < 3; i++) {
                Customer customer = customers.get((month + i * 2) % customers.size());
                PurchaseOrder order = new PurchaseOrder(customer, start.plusMonths(month).plusDays(i * 7L));
                order.addLine(products.get((month + i) % 10), 1 + (month + i) % 3);
                order.addLine(products.get((month * 3 + i + 5) % 10), 1);
                order.addEvent(new OrderPlaced(order.getPlacedAt(), order.getLines().size(), order.getTotal()));
                session.add(order);
                orders++;
            }
        }
        products.get(0).addReview(new Review(customers.get(0), 5, "Heats evenly, lasts forever.",
                start.plusMonths(2)));
        products.get(0).addReview(new Review(customers.get(2), 4, "Heavy, but worth it.", start.plusMonths(5)));
        products.get(3).addReview(new Review(customers.get(1), 5, "Sharp out of the box.", start.plusMonths(7)));
        products.get(6).addReview(new Review(customers.get(3), 3, null, start.plusMonths(9)));
        session.flush();
        LOG.info("Sample store created: {} categories, {} tags, {} products, {} customers, {} orders", 6,
                tags.size(), products.size(), customers.size(), orders);
    }

    private static Product product(String sku, String name, String price, int stock, Category category,
            Tag... tags) {
        Product product = new Product(sku, name, new BigDecimal(price), stock);
        product.setCategory(category);
        product.getTags().addAll(List.of(tags));
        return product;
    }

    private static Customer customer(String email, String name, String street, String postalCode, String city,
            String country) {
        Customer customer = new Customer(new EmailAddress(email), name);   // createdAt: set by auditing at the INSERT
        customer.setAddress(new ShippingAddress(street, postalCode, city, country));
        return customer;
    }
}
